import pg from 'pg';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { preparingClient } from './prepared-statements.js';

export interface ServiceDataSourceInput {
  url: string;
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  applicationName: string;
}

/**
 * One schema per service: TypeORM qualifies entity tables with it, and `search_path` points raw SQL
 * (migrations, repository queries) at it too, so no statement can land in another service's schema.
 */
export function serviceDataSourceOptions(input: ServiceDataSourceInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    schema: input.schema,
    entities: input.entities,
    migrations: input.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    applicationName: input.applicationName,
    extra: {
      // Every statement with parameters runs prepared once the schema is migrated (`openServiceDataSource`).
      Client: preparingClient(),
      options: `-c search_path=${input.schema}`,
      max: 10,
      connectionTimeoutMillis: 5000,
    },
  };
}

/** Creates the schema before TypeORM looks for its migrations table there. */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // A socket that dies fails the statement in flight, which is the error boot reports; `pg` emits the same error as an
  // event too, which unheard would be thrown out of the socket's handler.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

/**
 * Runs pending migrations under a Postgres advisory lock keyed by schema, so a service's HTTP process and
 * its worker starting together never apply the same migration twice.
 */
export async function runMigrationsLocked(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`jianfu:migrations:${schema}`]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`jianfu:migrations:${schema}`])
      .catch(() => undefined);
    await runner.release();
  }
}

/** Ensures the schema, connects and migrates: what every process of a service does at boot. */
export async function openServiceDataSource(
  options: DataSourceOptions,
  schema: string,
  url: string,
): Promise<DataSource> {
  await ensureSchema(url, schema);
  const dataSource = await new DataSource(options).initialize();
  await runMigrationsLocked(dataSource, schema);
  // Only now: a migration changes the tables under the plans, so its own statements run unnamed.
  (options.extra as { Client?: { startPreparing?: () => void } } | undefined)?.Client?.startPreparing?.();
  return dataSource;
}
