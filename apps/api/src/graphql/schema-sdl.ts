import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** The SDL committed at apps/api/schema.gql: sorted, so that diffs show real changes only. */
export function schemaSdl(schema: GraphQLSchema): string {
  const header =
    '# ------------------------------------------------------\n' +
    '# THIS FILE IS GENERATED (npm run schema); DO NOT EDIT IT BY HAND\n' +
    '# ------------------------------------------------------\n\n';
  return `${header}${printSchema(lexicographicSortSchema(schema))}\n`;
}
