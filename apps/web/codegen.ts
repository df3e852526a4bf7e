import type { CodegenConfig } from '@graphql-codegen/cli';

// `npm run codegen` (scripts/codegen.mjs) prints the served schema, then writes the typed documents.
// YVC_CODEGEN_SCHEMA / YVC_CODEGEN_OUT let `npm run lint` regenerate into a temporary folder and diff.
const schema = process.env.YVC_CODEGEN_SCHEMA ?? 'apps/web/schema.graphql';
const out = process.env.YVC_CODEGEN_OUT ?? 'apps/web/src/gql/';

const config: CodegenConfig = {
  schema,
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
