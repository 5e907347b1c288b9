import { AccountStatus } from '@app/core';

/** Reputation earned per kudo received and per accepted solution (on someone else's thread). */
export const KUDO_REPUTATION = 10;
export const SOLUTION_REPUTATION = 15;

const RANKS: ReadonlyArray<{ name: string; from: number }> = [
  { name: 'Champion', from: 5000 },
  { name: 'Expert', from: 1000 },
  { name: 'Advisor', from: 250 },
  { name: 'Contributor', from: 50 },
  { name: 'New Member', from: Number.NEGATIVE_INFINITY },
];

/** The rank a member holds at a given reputation. */
export function rankFor(reputation: number): string {
  return (RANKS.find((rank) => reputation >= rank.from) ?? RANKS[RANKS.length - 1]).name;
}

/** The status in force at `now`: a sanction whose `until` has passed no longer applies. */
export function effectiveStatus(
  status: AccountStatus,
  until: Date | null,
  now: Date = new Date(),
): AccountStatus {
  if (status !== AccountStatus.ACTIVE && until && until.getTime() <= now.getTime()) {
    return AccountStatus.ACTIVE;
  }
  return status;
}
