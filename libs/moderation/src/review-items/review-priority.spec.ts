import { flagWeight, priorityAt, prioritySortKey, urgencyPoints } from './review-priority';

const none = { flagWeight: 0, reporterReputation: 0, automodScore: 0 };

describe('review item priority', () => {
  it('grows with flag weight, reporter reputation and automod score', () => {
    expect(urgencyPoints({ ...none, flagWeight: 2 })).toBeGreaterThan(
      urgencyPoints({ ...none, flagWeight: 1 }),
    );
    expect(urgencyPoints({ ...none, flagWeight: 1, reporterReputation: 1000 })).toBeGreaterThan(
      urgencyPoints({ ...none, flagWeight: 1 }),
    );
    expect(urgencyPoints({ ...none, automodScore: 4 })).toBe(40);
  });

  it('ranks an older item above a newer one of equal urgency, by a point a day', () => {
    const urgency = { ...none, flagWeight: 1 };
    const older = prioritySortKey(urgency, new Date('2026-01-01T00:00:00Z'));
    const newer = prioritySortKey(urgency, new Date('2026-01-03T00:00:00Z'));
    expect(older).toBeGreaterThan(newer);
    const now = new Date('2026-01-03T00:00:00Z');
    expect(priorityAt(older, now)).toBe(12);
    expect(priorityAt(newer, now)).toBe(10);
  });

  it('weighs a flag by its reporter’s standing, from 1 to 3', () => {
    expect([0, 249, 250, 999, 1000, 50000].map(flagWeight)).toEqual([1, 1, 2, 2, 3, 3]);
  });
});
