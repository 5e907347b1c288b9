import { asRefusal } from '@app/core';
import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  ValidationRule,
} from 'graphql';
import { refuseDocumentShape } from './document-shape';
import { requestRefusal } from './request-refusal';

export interface ValidationSettings {
  /** Whether `__schema` and `__type` may be asked. */
  introspection: boolean;
  /** Whether "Did you mean …?" may name fields the client did not already know. */
  suggestions: boolean;
}

const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Validates documents for both transports: the document's shape first, in one pass, then
 * graphql-js's rules, which compare repeated fields and fragments pairwise and so run only on
 * documents whose shape keeps that small. A document that passed once is not validated again
 * while Apollo's document cache holds it.
 */
export class DocumentValidator {
  private readonly rules: readonly ValidationRule[];
  private readonly passed = new WeakSet<DocumentNode>();

  constructor(private readonly settings: ValidationSettings) {
    this.rules = settings.introspection
      ? specifiedRules
      : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  }

  /** The refusals of a document, empty when it may run. */
  refuse(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
    if (this.passed.has(document)) return [];
    const shape = refuseDocumentShape(document);
    if (shape) return [asRefusal(shape)];
    const errors = validate(schema, document, this.rules).map((error) =>
      requestRefusal(
        'GRAPHQL_VALIDATION_FAILED',
        this.settings.suggestions ? error.message : error.message.replace(SUGGESTION, ''),
        error.nodes,
      ),
    );
    if (!errors.length) this.passed.add(document);
    return errors;
  }
}
