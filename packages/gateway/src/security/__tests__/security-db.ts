/**
 * Test support: a fresh database in the run's embedded PostgreSQL (test/global-setup.ts), migrated by
 * MikroORM's migrator with the committed migrations plus the security migration (added here until it
 * is listed in src/migrations/index.ts; never twice).
 */
import type { MigrationObject } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createDatabase, databaseUrlFor, dropDatabase } from '../../../test/harness';
import { captureLogger } from '../../../test/support/silent-logger';
import { ormConfig } from '../../db/orm';
import { MIGRATIONS } from '../../migrations';
import { Migration20261129200000_security } from '../../migrations/Migration20261129200000_security';

export const SECURITY_MIGRATION: MigrationObject = {
  name: 'Migration20261129200000_security',
  class: Migration20261129200000_security,
};

export function migrationsWithSecurity(): MigrationObject[] {
  return MIGRATIONS.some((m) => m.name === SECURITY_MIGRATION.name) ? MIGRATIONS : [...MIGRATIONS, SECURITY_MIGRATION];
}

export interface SecurityDb {
  readonly url: string;
  readonly orm: MikroORM;
  readonly appliedMigrations: readonly string[];
  /** A plain pg client on the database, closed by close(). */
  client(): Promise<Client>;
  close(): Promise<void>;
}

export async function startSecurityDb(): Promise<SecurityDb> {
  const name = await createDatabase('jembatan_sec');
  const url = databaseUrlFor(name);
  const { log } = captureLogger('warn');
  const base = ormConfig({ clientUrl: url, log, poolMax: 5 });
  let orm: MikroORM;
  try {
    orm = await MikroORM.init({ ...base, migrations: { ...base.migrations, migrationsList: migrationsWithSecurity() } });
  } catch (e) {
    await dropDatabase(name);
    throw e;
  }
  const applied = (await orm.getMigrator().up()).map((m) => m.name);
  const clients: Client[] = [];
  return {
    url,
    orm,
    appliedMigrations: applied,
    async client() {
      const c = new Client({ connectionString: url });
      await c.connect();
      clients.push(c);
      return c;
    },
    async close() {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await orm.close(true);
      await dropDatabase(name);
    },
  };
}
