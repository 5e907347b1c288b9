/**
 * The declared cost of a field whose every call is expensive whatever it selects: a full-text
 * search, a trigram match, a password hash. Resolvers pass it as `complexity`; the API refuses
 * documents that run more than a few such fields.
 */
export const EXPENSIVE_FIELD_COST = 200;
