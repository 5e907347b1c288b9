/**
 * TRENDING ranks ideas by their votes of the last 7 days, each weighed down by its age with a
 * half-life of two days: a vote cast now counts 1, two days ago 0.5, six days ago 0.125, and a
 * vote older than a week nothing.
 *
 * The score is kept on the idea (ideas.trending_score, indexed) so that reading the list costs
 * an index scan, whatever the number of votes: a vote adds 1 at once, an unvote takes back what
 * that vote still weighed, and the worker's sweep (every 15 minutes) recomputes the scores of
 * the ideas with recent votes so that ageing is applied and week-old votes drop out.
 */
export const TRENDING_WINDOW_DAYS = 7;
export const TRENDING_HALF_LIFE_DAYS = 2;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The weight of a vote cast `ageMs` ago. */
export function voteWeight(ageMs: number): number {
  const ageDays = Math.max(ageMs, 0) / DAY_MS;
  return ageDays > TRENDING_WINDOW_DAYS ? 0 : 0.5 ** (ageDays / TRENDING_HALF_LIFE_DAYS);
}

/** The same weight as a SQL expression over a vote's timestamp column. */
export function voteWeightSql(column: string): string {
  return `CASE WHEN ${column} > now() - interval '${TRENDING_WINDOW_DAYS} days'
    THEN power(0.5, extract(epoch FROM now() - ${column}) / ${TRENDING_HALF_LIFE_DAYS * 86400})
    ELSE 0 END`;
}
