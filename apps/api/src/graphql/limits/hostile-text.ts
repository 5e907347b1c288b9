import { AppError, badInput } from '@app/core';
import { DocumentNode, visit } from 'graphql';

/**
 * Why a string cannot be taken as text: a NUL (Postgres cannot store it, and no member means to
 * send it) or a lone UTF-16 surrogate (no character at all: it cannot be stored or encoded, and
 * silently replacing it would change what the member wrote).
 */
function flaw(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (!text.isWellFormed()) return 'must be well-formed text (it holds a lone surrogate)';
  return null;
}

/**
 * Checks every string in the variables, at any depth, without recursion: a value nested
 * 20,000 levels deep is refused as too deep instead of overflowing the stack.
 */
export function checkVariables(variables: unknown, maxDepth: number): AppError | null {
  const pending: Array<{ value: unknown; field: string; depth: number }> = [
    { value: variables, field: 'variables', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, field, depth } = next;
    if (typeof value === 'string') {
      const problem = flaw(value);
      if (problem) return badInput(field, problem);
    } else if (value !== null && typeof value === 'object') {
      if (depth >= maxDepth) return badInput(field, `is nested more than ${maxDepth} levels deep`);
      if (Array.isArray(value)) {
        for (const item of value) pending.push({ value: item, field, depth: depth + 1 });
      } else {
        for (const [name, item] of Object.entries(value)) {
          const problem = flaw(name);
          if (problem) return badInput(field, `has a key that ${problem}`);
          pending.push({ value: item, field: name, depth: depth + 1 });
        }
      }
    }
  }
  return null;
}

/** Checks every string literal of a document, naming the argument or input field holding it. */
export function checkLiterals(document: DocumentNode): AppError | null {
  let found: AppError | null = null;
  const owners: string[] = [];
  visit(document, {
    Argument: {
      enter: (node) => void owners.push(node.name.value),
      leave: () => void owners.pop(),
    },
    ObjectField: {
      enter: (node) => void owners.push(node.name.value),
      leave: () => void owners.pop(),
    },
    StringValue(node) {
      const problem = found ? null : flaw(node.value);
      if (problem) found = badInput(owners.at(-1) ?? 'input', problem);
    },
  });
  return found;
}
