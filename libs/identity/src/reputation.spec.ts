import { AccountStatus } from '@app/core';
import { effectiveStatus, KUDO_REPUTATION, rankFor, SOLUTION_REPUTATION } from './reputation';

describe('reputation', () => {
  it('is worth 10 per kudo and 15 per accepted solution', () => {
    expect(KUDO_REPUTATION).toBe(10);
    expect(SOLUTION_REPUTATION).toBe(15);
  });

  describe('rankFor', () => {
    it.each([
      [0, 'New Member'],
      [49, 'New Member'],
      [50, 'Contributor'],
      [249, 'Contributor'],
      [250, 'Advisor'],
      [999, 'Advisor'],
      [1000, 'Expert'],
      [4999, 'Expert'],
      [5000, 'Champion'],
      [1_000_000, 'Champion'],
    ])('gives a member with %i reputation the rank %s', (reputation, rank) => {
      expect(rankFor(reputation)).toBe(rank);
    });

    it('keeps a member whose reputation went negative a New Member', () => {
      expect(rankFor(-1)).toBe('New Member');
      expect(rankFor(-500)).toBe('New Member');
    });
  });

  describe('effectiveStatus', () => {
    const now = new Date('2025-06-01T12:00:00Z');
    const past = new Date('2025-06-01T11:59:59Z');
    const future = new Date('2025-06-01T12:00:01Z');

    it('reads a silence whose until has passed as ACTIVE', () => {
      expect(effectiveStatus(AccountStatus.SILENCED, past, now)).toBe(AccountStatus.ACTIVE);
    });

    it('reads a suspension whose until has passed as ACTIVE', () => {
      expect(effectiveStatus(AccountStatus.SUSPENDED, past, now)).toBe(AccountStatus.ACTIVE);
    });

    it('lifts a sanction at the very moment its until is reached', () => {
      expect(effectiveStatus(AccountStatus.SUSPENDED, now, now)).toBe(AccountStatus.ACTIVE);
    });

    it('keeps a silence whose until is still in the future', () => {
      expect(effectiveStatus(AccountStatus.SILENCED, future, now)).toBe(AccountStatus.SILENCED);
    });

    it('keeps a suspension whose until is still in the future', () => {
      expect(effectiveStatus(AccountStatus.SUSPENDED, future, now)).toBe(AccountStatus.SUSPENDED);
    });

    it('keeps a sanction without an until for good', () => {
      const farFuture = new Date('2999-01-01T00:00:00Z');
      expect(effectiveStatus(AccountStatus.SUSPENDED, null, farFuture)).toBe(
        AccountStatus.SUSPENDED,
      );
      expect(effectiveStatus(AccountStatus.SILENCED, null, farFuture)).toBe(AccountStatus.SILENCED);
    });

    it('leaves an active member ACTIVE whatever the until', () => {
      expect(effectiveStatus(AccountStatus.ACTIVE, null, now)).toBe(AccountStatus.ACTIVE);
      expect(effectiveStatus(AccountStatus.ACTIVE, future, now)).toBe(AccountStatus.ACTIVE);
      expect(effectiveStatus(AccountStatus.ACTIVE, past, now)).toBe(AccountStatus.ACTIVE);
    });

    it('compares against the current time when no now is given', () => {
      const anHourAgo = new Date(Date.now() - 3_600_000);
      const inAnHour = new Date(Date.now() + 3_600_000);
      expect(effectiveStatus(AccountStatus.SILENCED, anHourAgo)).toBe(AccountStatus.ACTIVE);
      expect(effectiveStatus(AccountStatus.SILENCED, inAnHour)).toBe(AccountStatus.SILENCED);
    });
  });
});
