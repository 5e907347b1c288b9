const DAY_MS = 24 * 60 * 60 * 1000;

/** What makes a review item urgent, apart from how long it has waited. */
export interface Urgency {
  /** The combined weight of the item's flags (1 to 3 each). */
  flagWeight: number;
  /** The summed reputation of the members who flagged it. */
  reporterReputation: number;
  /** Automod's score, for items automod opened. */
  automodScore: number;
}

/** Points before age: 10 per flag weight or automod point, plus 2 per tenfold of reputation. */
export function urgencyPoints(urgency: Urgency): number {
  return (
    10 * urgency.flagWeight +
    10 * urgency.automodScore +
    2 * Math.log10(1 + Math.max(urgency.reporterReputation, 0))
  );
}

/**
 * The stored sort key: urgency minus the creation day. An item gains one point a day it waits,
 * yet its key never changes, because subtracting the creation day orders rows exactly as adding
 * their age would (the current day is the same for every row). So the queue is an index scan.
 */
export function prioritySortKey(urgency: Urgency, createdAt: Date): number {
  return urgencyPoints(urgency) - createdAt.getTime() / DAY_MS;
}

/** The priority shown to moderators at `now`: urgency points plus days waited. */
export function priorityAt(sortKey: number, now: Date): number {
  return Math.round((sortKey + now.getTime() / DAY_MS) * 100) / 100;
}

/** The weight of one flag: 1, or up to 3 for trusted reporters (Advisor 250, Expert 1000). */
export function flagWeight(reporterReputation: number): number {
  return 1 + (reporterReputation >= 250 ? 1 : 0) + (reporterReputation >= 1000 ? 1 : 0);
}

/** The combined weight of non-INCORRECT_ADVICE flags that hides a target pending review. */
export const HIDE_WEIGHT = 3;
