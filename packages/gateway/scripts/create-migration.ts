/**
 * Developer tool: `npm run migration:create -w @jembatan/gateway -- <name>` writes a new migration class
 * to src/migrations with the SQL that brings a database migrated to the current list up to the entity
 * mappings (MikroORM's schema diff), on a throw-away embedded PostgreSQL. Review it, add it to
 * src/migrations/index.ts, and commit it. Given the timestamp of a migration already in the list (one
 * not yet released), it regenerates that migration in place.
 */
import 'reflect-metadata';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { createLogger } from '../src/config/logger';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { ormConfig } from '../src/db/orm';
import { MIGRATIONS } from '../src/migrations';

async function run(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: create-migration <snake_case_name> [timestamp YYYYMMDDHHMMSS]');
  const stamp = process.argv[3];
  if (stamp !== undefined && !/^\d{14}$/.test(stamp)) throw new Error('the timestamp must be YYYYMMDDHHMMSS');
  const log = createLogger('warn');
  const dir = await mkdtemp(path.join(tmpdir(), 'jembatan-migration-'));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir, log, ephemeral: true });
  try {
    const base = ormConfig({ clientUrl: pg.url, log });
    const orm = await MikroORM.init({
      ...base,
      migrations: {
        ...base.migrations,
        // regenerating an unreleased migration: diff against the list without it
        migrationsList: MIGRATIONS.filter((m) => m.name !== `Migration${stamp}_${name}`),
        path: path.resolve(__dirname, '..', 'src', 'migrations'),
        emit: 'ts',
        fileName: (timestamp) => `Migration${stamp ?? timestamp}_${name}`,
      },
    });
    try {
      await orm.getMigrator().up();
      const result = await orm.getMigrator().createMigration(undefined, false, false, name);
      if (stamp && result.fileName) {
        const file = path.resolve(__dirname, '..', 'src', 'migrations', result.fileName);
        const code = await readFile(file, 'utf8');
        await writeFile(file, code.replace(/class Migration\d{14}_/, `class Migration${stamp}_`));
      }
      process.stdout.write(result.diff.up.length ? `wrote ${result.fileName}\n${result.diff.up.join('\n')}\n` : 'no changes\n');
    } finally {
      await orm.close(true);
    }
  } finally {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
