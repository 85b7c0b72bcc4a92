/**
 * `npm run api-key -- <command>`: manage API keys from a shell (the lead maps the script to
 * `node dist/security/cli/create-api-key.js`).
 *
 *   create --role OFFICER [--role ANALYST ...] --name "Portal SSS" [--party <partyId> ...]
 *          (PARTNER and TRAINER keys need --party: the P3MI / APJATI, or the training providers)
 *          [--candidate <candidateId>] [--city "Kota Serang"] [--expires 2027-01-01] [--json]
 *   revoke <keyId>
 *   list [--all] [--json]
 *
 * Database: DATABASE_URL when set; otherwise the embedded PostgreSQL in JEMBATAN_DATA_DIR: if the
 * gateway is running on it, the CLI connects to that server (port from postmaster.pid, credentials
 * from the data directory); if not, it starts the cluster for the command and stops it after. The
 * database must be migrated (`npm run migrate` or a gateway start). Each change writes an audit row
 * (actor `cli:<os user>`) in the same transaction. The key is printed once, on stdout; nothing else
 * about it is ever shown again.
 *
 * `create --json` prints exactly one JSON object on one line on stdout and nothing else (`apiKey` (the
 * secret), `keyId`, `name`, `roles`, `partyIds`, `candidateId`, `city`, `expiresAt`, `revokedAt`,
 * `createdAt`); log lines and errors go to stderr, and a failure prints nothing on stdout (exit 1 or 2).
 * From the repository root: `npm run --silent api-key -- create ... --json` (without `--silent`
 * npm prints its `> script` banner on stdout).
 */
import 'reflect-metadata';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { ConfigError } from '../../config/config';
import { createLogger } from '../../config/logger';
import { commandDatabase } from '../../cli/command-database';
import { UseCaseError } from '../../use-cases/use-case-error';
import { createApiKey, describeApiKey, getApiKey, listApiKeys, revokeApiKey, type ApiKeyRecord, type CreateApiKeyInput } from '../api-key';
import { writeAudit, type AuditActor } from '../audit-log';
import { isRole, type Role } from '../role';
import { pgExecutor, type SqlExecutor } from '../sql-executor';

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const USAGE = `Usage:
  api-key create --role <ROLE> [--role <ROLE> ...] --name <name> [--party <partyId> ...]
                 [--candidate <candidateId>] [--city <city>] [--expires <YYYY-MM-DD>] [--json]
  api-key revoke <keyId>
  api-key list [--all] [--json]
Roles: CANDIDATE, OFFICER, PARTNER, TRAINER, ANALYST, ADMIN.
PARTNER and TRAINER keys need --party (PARTNER: the P3MI / APJATI; TRAINER: the training providers).
Database: DATABASE_URL, or the embedded PostgreSQL in JEMBATAN_DATA_DIR.
`;

class UsageError extends Error {}

interface Connection {
  readonly client: Client;
  close(): Promise<void>;
}

async function connect(io: CliIo): Promise<Connection> {
  // its log lines go to stderr: stdout carries only the command's answer (`--json`: one JSON object)
  const log = createLogger('warn', { write: (line: string) => io.stderr(line) });
  const { url, embedded } = await commandDatabase(io.env, log);
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  return {
    client,
    close: async () => {
      await client.end().catch(() => undefined);
      await embedded?.stop();
    },
  };
}

function cliActor(): AuditActor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { kind: 'system', subject: `cli:${user}`, roles: ['ADMIN'] };
}

function formatRecord(r: ApiKeyRecord): string {
  const parts = [
    `${r.keyId}  ${r.name}`,
    `roles=${r.roles.join(',')}`,
    r.partyIds.length ? `parties=${r.partyIds.join(',')}` : '',
    r.candidateId ? `candidate=${r.candidateId}` : '',
    r.city ? `city=${r.city}` : '',
    `created=${r.createdAt.toISOString()}`,
    r.expiresAt ? `expires=${r.expiresAt.toISOString()}` : '',
    r.lastUsedAt ? `lastUsed=${r.lastUsedAt.toISOString()}` : 'lastUsed=never',
    r.revokedAt ? `REVOKED=${r.revokedAt.toISOString()}` : '',
  ];
  return parts.filter(Boolean).join('  ');
}

async function inTransaction<T>(client: Client, fn: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await fn();
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  }
}

async function assertMigrated(client: Client): Promise<void> {
  const r = await client.query(`select to_regclass('public.api_key') as t, to_regclass('public.audit_log') as a`);
  const row = r.rows[0] as { t: string | null; a: string | null } | undefined;
  if (!row?.t || !row.a) {
    throw new UsageError('The database has no api_key / audit_log table yet: run `npm run migrate` (or start the gateway once) first.');
  }
}

const CLI_OPTIONS = {
  role: { type: 'string', multiple: true },
  name: { type: 'string' },
  party: { type: 'string', multiple: true },
  candidate: { type: 'string' },
  city: { type: 'string' },
  expires: { type: 'string' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type CliValues = ReturnType<typeof parseArgs<{ options: typeof CLI_OPTIONS; allowPositionals: true }>>['values'];

/** A command whose arguments have been checked, before the database is touched. */
type CliCommand =
  | { readonly kind: 'create'; readonly input: Omit<CreateApiKeyInput, 'createdBy'>; readonly json: boolean }
  | { readonly kind: 'revoke'; readonly keyId: string }
  | { readonly kind: 'list'; readonly all: boolean; readonly json: boolean };

/** What a command runs against, once connected. */
interface CliContext {
  readonly client: Client;
  readonly db: SqlExecutor;
  readonly actor: AuditActor;
  readonly io: CliIo;
}

function parseCreate(values: CliValues): CliCommand {
  const roleNames = (values.role ?? []).flatMap((r) => r.split(',')).map((r) => r.trim().toUpperCase()).filter(Boolean);
  const bad = roleNames.filter((r) => !isRole(r) || r === 'PUBLIC');
  if (roleNames.length === 0 || bad.length) throw new UsageError('create needs --role with CANDIDATE, OFFICER, PARTNER, TRAINER, ANALYST or ADMIN');
  const roles = roleNames as Role[];
  if (!values.name) throw new UsageError('create needs --name "<what the key is for>"');
  let expiresAt: Date | undefined;
  if (values.expires !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.expires) || Number.isNaN(Date.parse(`${values.expires}T00:00:00Z`))) {
      throw new UsageError('--expires must be a date YYYY-MM-DD');
    }
    expiresAt = new Date(`${values.expires}T00:00:00Z`);
  }
  const input = {
    name: values.name,
    roles,
    ...(values.party ? { partyIds: values.party } : {}),
    ...(values.candidate ? { candidateId: values.candidate } : {}),
    ...(values.city ? { city: values.city } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
  return { kind: 'create', input, json: values.json === true };
}

function parseCommand(command: string, values: CliValues, positionals: readonly string[]): CliCommand {
  if (command === 'create') return parseCreate(values);
  if (command === 'revoke') {
    const keyId = positionals[1] ?? '';
    if (!/^[0-9a-f]{16}$/.test(keyId)) throw new UsageError('revoke needs the key id (16 hex characters, the part after jmb_)');
    return { kind: 'revoke', keyId };
  }
  return { kind: 'list', all: values.all === true, json: values.json === true };
}

async function runCreate(cmd: Extract<CliCommand, { kind: 'create' }>, { client, db, actor, io }: CliContext): Promise<number> {
  const { record, token } = await inTransaction(client, async () => {
    const created = await createApiKey(db, { ...cmd.input, createdBy: actor.subject });
    await writeAudit(db, { principal: actor, action: 'createApiKey', entityType: 'ApiKey', entityId: created.record.keyId, after: describeApiKey(created.record) });
    return created;
  });
  if (cmd.json) {
    // one JSON object, one line, nothing else on stdout (scripts parse it whole)
    io.stdout(`${JSON.stringify({ apiKey: token, ...describeApiKey(record), createdAt: record.createdAt.toISOString() })}\n`);
  } else {
    io.stdout(`${token}\n`);
    io.stderr(
      `API key created: ${formatRecord(record)}\n` +
        'It is shown only this once: store it in the calling app\'s secret store. Send it as "Authorization: Bearer <key>" or "X-API-Key: <key>".\n',
    );
  }
  return 0;
}

async function runRevoke(cmd: Extract<CliCommand, { kind: 'revoke' }>, { client, db, actor, io }: CliContext): Promise<number> {
  const { keyId } = cmd;
  const revoked = await inTransaction(client, async () => {
    const before = await getApiKey(db, keyId);
    const r = await revokeApiKey(db, keyId, actor.subject);
    if (r && before && !before.revokedAt) {
      await writeAudit(db, { principal: actor, action: 'revokeApiKey', entityType: 'ApiKey', entityId: keyId, before: describeApiKey(before), after: describeApiKey(r) });
    }
    return r;
  });
  if (!revoked) {
    io.stderr(`No API key with id ${keyId}.\n`);
    return 1;
  }
  io.stdout(`Revoked ${formatRecord(revoked)}\n`);
  return 0;
}

async function runList(cmd: Extract<CliCommand, { kind: 'list' }>, { db, io }: CliContext): Promise<number> {
  const keys = await listApiKeys(db, { includeRevoked: cmd.all });
  if (cmd.json) io.stdout(`${JSON.stringify(keys.map((k) => ({ ...describeApiKey(k), createdAt: k.createdAt, lastUsedAt: k.lastUsedAt })))}\n`);
  else io.stdout(keys.length ? `${keys.map(formatRecord).join('\n')}\n` : 'No API keys.\n');
  return 0;
}

function runCommand(cmd: CliCommand, context: CliContext): Promise<number> {
  switch (cmd.kind) {
    case 'create':
      return runCreate(cmd, context);
    case 'revoke':
      return runRevoke(cmd, context);
    case 'list':
      return runList(cmd, context);
  }
}

/** The exit code for a failed command, with its message on stderr. */
function reportFailure(e: unknown, io: CliIo): number {
  if (e instanceof UsageError) {
    io.stderr(`${e.message}\n`);
    return 2;
  }
  if (e instanceof UseCaseError && e.failure.kind === 'REJECTED') {
    io.stderr(`${e.failure.messages.en}\n`);
    return 2;
  }
  if (e instanceof ConfigError) {
    io.stderr(`Configuration error: ${e.message}\n`);
    return 2;
  }
  // never print a connection string: driver messages do not contain the password, but keep it short
  io.stderr(`api-key failed: ${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
}

/** Run one command; resolves with the process exit code. */
export async function runApiKeyCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: CLI_OPTIONS });
  } catch (e) {
    io.stderr(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command || !['create', 'revoke', 'list'].includes(command)) {
    (values.help ? io.stdout : io.stderr)(USAGE);
    return values.help ? 0 : 2;
  }

  let connection: Connection | undefined;
  try {
    const cmd = parseCommand(command, values, positionals);
    connection = await connect(io);
    const { client } = connection;
    await assertMigrated(client);
    return await runCommand(cmd, { client, db: pgExecutor(client), actor: cliActor(), io });
  } catch (e) {
    return reportFailure(e, io);
  } finally {
    await connection?.close();
  }
}

if (require.main === module) {
  runApiKeyCli(process.argv.slice(2), {
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`api-key failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
