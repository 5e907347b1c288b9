import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaSdl } from '../apps/api/src/graphql/schema-sdl';
import { TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');

describe('the GraphQL schema', () => {
  const app = new TestApp();
  beforeAll(() => app.start());
  afterAll(() => app.stop());

  it('is committed up to date at apps/api/schema.gql (run npm run schema after changing the API)', () => {
    const generated = schemaSdl(app.api.get(GraphQLSchemaHost).schema);
    expect(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8')).toBe(generated);
  });
});
