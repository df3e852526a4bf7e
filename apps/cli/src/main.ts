import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, DomainError, loadConfig, translate } from '@yvc/core';
import { dataSourceOptions } from '@yvc/database';
import { addNewKey, importBadgeCatalogue, readKeyFile, writeKeyFile } from '@yvc/credentials';
import { DemoSeedService, readUnitTree } from '@yvc/demo';
import { Role, StaffService } from '@yvc/identity';
import { UnitsService } from '@yvc/org';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';

const USAGE = `Usage: npm run cli -- <command> [options]
  db:ensure                          create the database in DATABASE_URL when it does not exist
  migrate                            run pending migrations
  units:import [--file F]            load a units tree (default data/zhambyl-units.json)
  badges:import [--file F]           load or update the badge catalogue (default data/badges.json)
  user:create --email E --password P --role COORDINATOR|COMMISSION|ADMIN --unit CODE [--club ID] [--name N]
  seed:demo [--if-empty] [--members N]  load the demo region (idempotent)
  keys:generate [--file F]           add a new Ed25519 credential signing key (F default CREDENTIAL_KEYS_FILE) and make it active`;

async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

async function withApp<T>(fn: (get: <S>(t: new (...a: never[]) => S) => S) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await fn((t) => app.get(t));
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      club: { type: 'string' },
      name: { type: 'string' },
      file: { type: 'string' },
      members: { type: 'string' },
      'if-empty': { type: 'boolean' },
    },
  });
  switch (command) {
    case 'db:ensure': {
      const created = await ensureDatabase(config.DATABASE_URL);
      console.log(created ? 'database created' : 'database exists');
      return;
    }
    case 'migrate': {
      const ds = await new DataSource(dataSourceOptions(config.DATABASE_URL)).initialize();
      try {
        const ran = await ds.runMigrations({ transaction: 'each' });
        console.log(
          ran.length
            ? `ran ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`
            : 'no pending migrations',
        );
      } finally {
        await ds.destroy();
      }
      return;
    }
    case 'units:import':
      return withApp(async (get) => {
        const n = await get(UnitsService).importTree(readUnitTree(values.file));
        console.log(`units written: ${n}`);
      });
    case 'badges:import': {
      // BadgesService.importCatalogue without the Nest app (no signing keys needed)
      const ds = await new DataSource(dataSourceOptions(config.DATABASE_URL)).initialize();
      try {
        console.log(`badges in the catalogue: ${await importBadgeCatalogue(ds, values.file)}`);
      } finally {
        await ds.destroy();
      }
      return;
    }
    case 'user:create':
      return withApp(async (get) => {
        const role = (values.role ?? '').toUpperCase() as Role;
        if (
          !values.email ||
          !values.password ||
          !values.unit ||
          ![Role.COORDINATOR, Role.COMMISSION, Role.ADMIN].includes(role)
        ) {
          throw new UsageError(
            'user:create needs --email, --password, --role COORDINATOR|COMMISSION|ADMIN and --unit',
          );
        }
        const member = await get(StaffService).createStaffAccount({
          email: values.email,
          password: values.password,
          role,
          unitCode: values.unit,
          clubId: values.club,
          fullName:
            values.name ??
            values.email
              .split('@')[0]
              .replace(/[^\p{L}]+/gu, ' ')
              .trim(),
        });
        console.log(`created ${role} ${member.id}`);
      });
    case 'seed:demo':
      return withApp(async (get) => {
        const seeder = get(DemoSeedService);
        if (values['if-empty'] && (await seeder.hasMembers())) {
          console.log('database already has members: demo data not loaded');
          return;
        }
        const report = await seeder.seed(values.members ? Number(values.members) : undefined);
        console.log(`demo data: ${JSON.stringify(report)}`);
      });
    case 'keys:generate': {
      const file = values.file ?? config.CREDENTIAL_KEYS_FILE;
      const next = await addNewKey(readKeyFile(file));
      writeKeyFile(file, next);
      console.log(`key ${next.active} is now active in ${file} (${next.keys.length} key(s) published)`);
      return;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command');
  }
}

class UsageError extends Error {}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
    else if (err instanceof DomainError) {
      const fields = err.fields.map((f) => `  ${f.field}: ${translate('en', f.key, f.params)}`).join('\n');
      console.error(`${translate('en', `errors.${err.reason}`, err.params)}${fields ? `\n${fields}` : ''}`);
    } else console.error(err);
    process.exit(1);
  },
);
