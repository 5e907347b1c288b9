import { ApolloServerPlugin } from '@apollo/server';
import { DocumentValidator } from './document-validation';
import { refuseOperation } from './operation-gate';
import { requestRefusal } from './request-refusal';

/**
 * The operation gate on HTTP. Apollo's own validation is off (a refusal thrown before this
 * hook would become a 500), so the document's shape and the validation rules run here, then
 * the rest of the gate. Subscriptions belong to the WebSocket transport.
 */
export function operationGatePlugin(
  validator: DocumentValidator,
  maxCost: number,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          const [invalid] = validator.refuse(schema, document);
          if (invalid) throw invalid;
          if (operation?.operation === 'subscription') {
            throw requestRefusal(
              'BAD_REQUEST',
              'Subscriptions are served over WebSocket (the graphql-ws protocol) on this same path, not over HTTP',
            );
          }
          const refusal = refuseOperation(schema, document, operation, request.variables, maxCost);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
