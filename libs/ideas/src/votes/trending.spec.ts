import { voteWeight } from './trending';

const DAY = 24 * 60 * 60 * 1000;

describe('trending vote weight', () => {
  it('halves every two days', () => {
    expect(voteWeight(0)).toBe(1);
    expect(voteWeight(2 * DAY)).toBeCloseTo(0.5);
    expect(voteWeight(6 * DAY)).toBeCloseTo(0.125);
  });

  it('drops votes older than a week', () => {
    expect(voteWeight(7 * DAY - 1)).toBeGreaterThan(0.08);
    expect(voteWeight(7 * DAY + 1)).toBe(0);
  });

  it('ranks many recent votes above more old ones', () => {
    const recent = 10 * voteWeight(DAY / 2);
    const old = 40 * voteWeight(6.5 * DAY);
    expect(recent).toBeGreaterThan(old);
  });
});
