/**
 * A SQL subquery yielding a tsquery that matches any stemmed word of the text in parameter
 * `param`, each limited to weight A (where titles sit in a search_vector). It is built as
 * quoted, escaped tsquery input, so a word such as `example.com/a:b` is never read as query
 * syntax, whatever a member types. Used to suggest threads and ideas while a title is typed.
 */
export function titleWordsQuerySql(param: string): string {
  return String.raw`(
    SELECT string_agg('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':A', ' | ')::tsquery
      FROM unnest(tsvector_to_array(to_tsvector('english', ${param}))) AS lexeme
  )`;
}

/**
 * How many candidate titles a suggestion ranks (ideas take the nearest by trigram distance, a
 * GiST index walk; threads the newest alike, then older ones sharing a word). Ranking only these
 * keeps every keystroke's cost fixed however many titles share a common word.
 */
export const SUGGESTION_CANDIDATES = 200;
