/** The contract's ranks by reputation, highest first. */
const RANKS: ReadonlyArray<[string, number]> = [
  ['Champion', 5000],
  ['Expert', 1000],
  ['Advisor', 250],
  ['Contributor', 50],
];

export function rankFor(reputation: number): string {
  return RANKS.find(([, from]) => reputation >= from)?.[0] ?? 'New Member';
}
