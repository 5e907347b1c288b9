/**
 * The bounds every GraphQL document must keep, whichever transport carries it. Each one caps
 * work that grows with the document, so that a small request cannot buy a large amount of CPU
 * or database time.
 */
export const DOCUMENT_LIMITS = {
  /** Lexical tokens: the parser stops at this many, before building a large AST. */
  maxTokens: 4000,
  /** Bytes of one request body or WebSocket message, variables included. */
  maxMessageBytes: 1024 * 1024,
  /** Nesting of selections, following fragments (introspection fields left out). */
  maxDepth: 12,
  /** Aliased fields in one document: aliases are how one request repeats a costly field. */
  maxAliases: 30,
  /** Directives in one document. */
  maxDirectives: 50,
  /** Fragment definitions, and spreads of them, in one document as written. */
  maxFragments: 40,
  maxFragmentSpreads: 100,
  /** How often one response name may appear in a selection set (inline fragments included). */
  maxRepeatsOfAField: 10,
  /** Fields marked expensive (full-text search, password hashing) one operation may run. */
  maxExpensiveFields: 3,
  /** Nesting of variable values (objects and lists); inputs of the schema need far fewer. */
  maxVariableDepth: 32,
} as const;

/** A root field costs this much unless it declares its own cost. */
export const ROOT_FIELD_COST = 10;
