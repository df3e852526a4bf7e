// Prints the GraphQL schema the API serves, built from the code-first resolvers alone (no database,
// no Redis): `npm run codegen` writes it to apps/web/schema.graphql, and the web app's types come from it.
// Run: node -r ts-node/register/transpile-only -r tsconfig-paths/register scripts/print-schema.ts [out]
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { SCHEMA_BUILD_OPTIONS } from '../apps/api/src/graphql/graphql.config';
import { RESOLVERS } from '../apps/api/src/resolvers';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS, SCHEMA_BUILD_OPTIONS);
  const text = printSchema(lexicographicSortSchema(schema)) + '\n';
  await app.close();
  const out = process.argv[2];
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

main().catch((err: Error) => {
  console.error(`print-schema: ${err.stack ?? err.message}`);
  process.exit(1);
});
