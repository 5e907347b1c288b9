import { AppError, ErrorCode } from '@app/core';
import { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, DocumentNode, Kind, visit } from 'graphql';

const NUL = '\u0000';

/** The name of the first variable (at any depth) whose text holds a NUL character. */
function nulInVariables(value: unknown, key: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? key : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = nulInVariables(item, key);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) {
      const found = nulInVariables(item, name);
      if (found) return found;
    }
  }
  return null;
}

/** The argument or input field of the first string literal in the query holding a NUL. */
function nulInLiterals(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    StringValue(node, _key, _parent, _path, ancestors) {
      if (found || !node.value.includes(NUL)) return;
      const owner = [...ancestors]
        .reverse()
        .find(
          (a): a is ASTNode =>
            !Array.isArray(a) &&
            (a as ASTNode).kind !== undefined &&
            ((a as ASTNode).kind === Kind.ARGUMENT || (a as ASTNode).kind === Kind.OBJECT_FIELD),
        );
      found = owner && 'name' in owner && owner.name ? owner.name.value : 'input';
    },
  });
  return found;
}

/**
 * Refuses text holding a NUL character as BAD_USER_INPUT naming its field: Postgres cannot
 * store it, and no member means to send it.
 */
export function nulCharactersPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = nulInVariables(request.variables ?? {}, 'input') ?? nulInLiterals(document);
          if (field) {
            throw new AppError(
              ErrorCode.BAD_USER_INPUT,
              `${field}: must not contain NUL characters`,
              { field },
            );
          }
        },
      };
    },
  };
}
