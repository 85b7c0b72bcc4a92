/**
 * Test harness: a fresh database per suite in the run's embedded PostgreSQL (see global-setup.ts),
 * copied from the run's migrated template (made once by global-setup.ts with the gateway's own
 * `migrate`; the gateway's start-up still runs its migration step on the copy, with nothing pending),
 * served over real HTTP on a free port. `freshDatabase: true` starts on an empty database instead, which
 * the gateway's start-up migrates (the suites about start-up and migrations). Tests talk to it with
 * `fetch` and can count the SQL statements the ORM sends. No mocked database.
 *
 * Credentials: `t.gql(...)` is anonymous (the PUBLIC role) unless the headers carry a credential;
 * `t.as('officer').gql(...)` / `t.as('admin')` / `t.as('analyst')` send the API keys the harness
 * created in the suite's database at start; `t.createKey({...})` makes any other key (PARTNER,
 * CANDIDATE, another city, an expiry), and `t.as(token)` sends it.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Clock } from '../src/clock';
import type { GatewayConfig, LogLevel } from '../src/config/config';
import { loadSecurityConfig, type SecurityConfig } from '../src/security/security-config';
import type { Role } from '../src/security/role';
import { startGateway, type Gateway, type GatewayApiKeyInput } from '../src/server';
import { captureLogger } from './support/silent-logger';

export interface GraphqlResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: T | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  };
}

/** The keys every test gateway has (created at start in its database). */
export type TestRole = 'admin' | 'officer' | 'analyst';

export interface TestCaller {
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphqlResponse<T>>;
  /** `{ authorization: 'Bearer <key>' }` */
  readonly headers: Record<string, string>;
}

export interface TestGateway {
  readonly gateway: Gateway;
  readonly url: string;
  /** Base URL without /graphql. */
  readonly baseUrl: string;
  readonly databaseUrl: string;
  readonly databaseName: string;
  /** Post a GraphQL operation (anonymous unless `headers` carry a credential). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphqlResponse<T>>;
  /** A caller with one of the suite's keys, or with any API key / bearer token. */
  as(who: TestRole | { readonly token: string }): TestCaller;
  /** The suite's API keys (ADMIN, OFFICER of Kota Serang, ANALYST). */
  readonly keys: Readonly<Record<TestRole, string>>;
  /** Create another API key in the suite's database; returns the key to send. */
  createKey(input: Partial<GatewayApiKeyInput> & { readonly roles: readonly Role[] }): Promise<{ token: string; keyId: string }>;
  /** SQL statements sent by the ORM since the last `resetSql()`. */
  readonly sql: { readonly statements: string[]; readonly count: number };
  resetSql(): void;
  /** Every log line (parsed JSON) the gateway wrote. */
  logs(): Array<Record<string, unknown>>;
  /** A plain pg client on the suite's database (for setup and assertions), closed by `close()`. */
  db(): Promise<Client>;
  close(): Promise<void>;
}

export function adminUrl(): string {
  const url = process.env.JEMBATAN_TEST_ADMIN_URL;
  if (!url) throw new Error('JEMBATAN_TEST_ADMIN_URL is not set: run the tests through jest (global-setup.ts)');
  return url;
}

export function databaseUrlFor(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

/** The run's migrated template database (global-setup.ts), if there is one. */
export function migratedTemplate(): string | undefined {
  return process.env.JEMBATAN_TEST_TEMPLATE_DB || undefined;
}

/**
 * A new database: empty, or with `{ migrated: true }` a copy of the run's migrated template (every
 * committed migration applied; empty when there is no template, and the gateway's start-up migrates it).
 */
export async function createDatabase(prefix = 'jembatan_t', options: { readonly migrated?: boolean } = {}): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const template = options.migrated ? migratedTemplate() : undefined;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export interface TestGatewayOptions {
  /**
   * Start on an empty database, which the gateway's start-up migrates (every committed migration), for
   * the tests of start-up and migrations. Default: a copy of the run's migrated template (the start-up
   * migration step then finds nothing pending).
   */
  readonly freshDatabase?: boolean;
  readonly seed?: boolean;
  readonly logLevel?: LogLevel;
  readonly bodyLimit?: string;
  readonly shutdownTimeoutMs?: number;
  /**
   * Security environment variables (JEMBATAN_*, NODE_ENV) on top of the test defaults: rate limits
   * high enough for the suites' setup traffic (tests of the limit set their own).
   */
  readonly securityEnv?: Record<string, string>;
  /**
   * The gateway's clock (src/clock.ts), e.g. `fixedClock('2026-01-15')`: a test whose answer depends on
   * "today" (a query without `asOf`, a recorded timestamp) pins it here. Default the system clock.
   */
  readonly clock?: Clock;
}

export const TEST_SECURITY_ENV: Readonly<Record<string, string>> = {
  JEMBATAN_RATE_LIMIT_ANON_PER_MINUTE: '100000',
  JEMBATAN_RATE_LIMIT_PER_MINUTE: '100000',
  // suites fire requests in parallel from one key / address; the limit's own test sets it
  JEMBATAN_MAX_IN_FLIGHT_PER_KEY: '1000',
  JEMBATAN_MAX_IN_FLIGHT_ANON: '1000',
};

export function testSecurityConfig(env: Record<string, string> = {}): SecurityConfig {
  return loadSecurityConfig({ ...TEST_SECURITY_ENV, ...env });
}

async function postGraphql<T>(url: string, query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string> | undefined): Promise<GraphqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON response (${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, headers: res.headers, body };
}

export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const databaseName = await createDatabase('jembatan_t', { migrated: !options.freshDatabase });
  const databaseUrl = databaseUrlFor(databaseName);
  const captured = captureLogger(options.logLevel ?? 'info');
  const statements: string[] = [];
  const config: GatewayConfig = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    logLevel: options.logLevel ?? 'info',
    dataDir: '/nonexistent-not-used',
    embeddedPgPort: undefined,
    bodyLimit: options.bodyLimit ?? '1mb',
    shutdownTimeoutMs: options.shutdownTimeoutMs ?? 5_000,
    seed: options.seed ?? false,
  };
  let gateway: Gateway;
  try {
    gateway = await startGateway(config, {
      log: captured.log,
      onQuery: (sql) => statements.push(sql),
      security: testSecurityConfig(options.securityEnv),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  } catch (e) {
    await dropDatabase(databaseName);
    throw e;
  }
  const issue = async (input: Partial<GatewayApiKeyInput> & { readonly roles: readonly Role[] }) => {
    const { token, record } = await gateway.createApiKey({ name: `test ${input.roles.join('+')}`, createdBy: 'test-harness', ...input });
    return { token, keyId: record.keyId };
  };
  const keys: Record<TestRole, string> = {
    admin: (await issue({ roles: ['ADMIN'], name: 'test admin' })).token,
    officer: (await issue({ roles: ['OFFICER'], name: 'test officer', city: 'Kota Serang' })).token,
    analyst: (await issue({ roles: ['ANALYST'], name: 'test analyst' })).token,
  };
  const caller = (token: string): TestCaller => {
    const headers = { authorization: `Bearer ${token}` };
    return { headers, gql: (query, variables, extra) => postGraphql(gateway.url, query, variables, { ...headers, ...extra }) };
  };
  const clients: Client[] = [];
  const baseUrl = gateway.url.replace(/\/graphql$/, '');
  return {
    gateway,
    url: gateway.url,
    baseUrl,
    databaseUrl,
    databaseName,
    gql: (query, variables, headers) => postGraphql(gateway.url, query, variables, headers),
    as: (who) => caller(typeof who === 'string' ? keys[who] : who.token),
    keys,
    createKey: issue,
    sql: {
      statements,
      get count() {
        return statements.length;
      },
    },
    resetSql() {
      statements.length = 0;
    },
    logs: captured.lines,
    async db() {
      const c = new Client({ connectionString: databaseUrl });
      await c.connect();
      clients.push(c);
      return c;
    },
    async close() {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await gateway.stop();
      await dropDatabase(databaseName);
    },
  };
}
