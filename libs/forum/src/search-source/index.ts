// What the search lib reads the forum through: the repository and the shapes it speaks in.
export { ThreadSearchRepository } from './thread-search.repository';
export type { ThreadSearchRow } from './thread-search.repository';
export { SEARCH_CANDIDATES } from './thread-search.statements';
export type { ExcerptFormat, HitBoundary, ThreadTextQuery } from './thread-search.statements';
