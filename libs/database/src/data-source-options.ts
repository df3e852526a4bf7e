import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * One definition of the connection for the apps, the CLI, the TypeORM CLI and the tests.
 * Entities and migrations are found by file name, so this lib needs no import of the domains;
 * the same globs match the .ts sources and the compiled .js in dist/.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(ROOT, 'libs', '*', 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(ROOT, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    uuidExtension: 'pgcrypto',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: 'yvc',
    extra: { max: 20, options: '-c timezone=UTC' },
    ...extra,
  } as DataSourceOptions;
}
