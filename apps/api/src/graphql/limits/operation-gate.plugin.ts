import { ApolloServerPlugin } from '@apollo/server';
import { refuseOperation } from './operation-gate';

/** Runs the operation gate on every HTTP operation once Apollo has parsed and validated it. */
export function operationGatePlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          const refusal = refuseOperation(schema, document, operation, request.variables, maxCost);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
