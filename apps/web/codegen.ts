import type { CodegenConfig } from '@graphql-codegen/cli';

// Every document in the app is typed from the API's committed schema: no hand-written shapes.
const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['app/**/*.{ts,tsx}', '!app/graphql/generated/**'],
  generates: {
    'app/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
