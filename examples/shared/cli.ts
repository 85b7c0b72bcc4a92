/**
 * What every example shares: where the gateway is and which credentials to send (flags, else
 * environment variables), a `--lang id|en` switch, today's date in Western Indonesia Time, and one
 * place that turns an SDK error into a message a person can act on.
 *
 *   --url <graphql url>    or JEMBATAN_URL      (default http://localhost:4000/graphql)
 *   --api-key <key>        or JEMBATAN_API_KEY  (sent as x-api-key)
 *   --token <jwt>          or JEMBATAN_TOKEN    (sent as Authorization: Bearer)
 *   --lang id|en           (default id: Bahasa Indonesia)
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createClient, isJembatanError, type JembatanClient } from '@jembatan/sdk';

export type Lang = 'id' | 'en';

export const COMMON_OPTIONS = {
  url: { type: 'string' },
  'api-key': { type: 'string' },
  token: { type: 'string' },
  lang: { type: 'string', default: 'id' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export class UsageError extends Error {}

/** Parses the common options plus the example's own; unknown flags are a usage error. */
export function parseCommandLine<const O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function langOf(value: unknown): Lang {
  if (value === 'id' || value === 'en') return value;
  throw new UsageError('--lang must be id or en');
}

/** A client for the gateway named by --url / JEMBATAN_URL, with the credentials given. */
export function clientFrom(values: { url?: string; 'api-key'?: string; token?: string }, env: NodeJS.ProcessEnv = process.env): JembatanClient {
  const url = values.url ?? env.JEMBATAN_URL ?? 'http://localhost:4000/graphql';
  const apiKey = values['api-key'] ?? (env.JEMBATAN_API_KEY || undefined);
  const token = values.token ?? (env.JEMBATAN_TOKEN || undefined);
  return createClient({ url, ...(apiKey ? { apiKey } : {}), ...(token ? { token } : {}) });
}

/** Today in Western Indonesia Time (UTC+7), as YYYY-MM-DD. */
export function todayWib(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function checkDate(value: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`${flag} must be a date YYYY-MM-DD`);
  return value;
}

/**
 * A text in both languages: `{ id, en }` from the domain (offline calculators, vocabularies), or
 * `{ idn, en }` from the gateway (GraphQL keeps `id` for entity ids, so client caches never merge two
 * texts that share their Indonesian wording).
 */
export type BilingualText = { readonly id: string; readonly en: string } | { readonly idn: string; readonly en: string };

/** Picks the text in the chosen language, from the domain or from the gateway. */
export const pick = (lang: Lang, text: BilingualText): string => (lang === 'en' ? text.en : 'idn' in text ? text.idn : text.id);

/**
 * Runs an example's `main` and exits: 0 on success, 2 on a usage error, 1 on an SDK error (printed
 * with its code, both languages and the gateway's request id) or anything else.
 */
export function runExample(main: (argv: string[]) => Promise<number | void>, usage: string): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code ?? 0),
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`${e.message}\n\n${usage}`);
        process.exit(2);
      }
      if (isJembatanError(e)) {
        process.stderr.write(`Gagal / Failed: [${e.code}] ${e.messages.id} / ${e.messages.en}\n`);
        for (const g of e.graphQLErrors.slice(1)) process.stderr.write(`  [${g.code}] ${g.messages.en}\n`);
        if (e.field) process.stderr.write(`  field: ${e.field}\n`);
        if (e.requestId) process.stderr.write(`  request id: ${e.requestId}\n`);
        if (e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN') {
          process.stderr.write('  Set JEMBATAN_API_KEY (or --api-key) to a key with the right role.\n');
        }
        process.exit(1);
      }
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}

/** `date` (YYYY-MM-DD) moved by whole months and days, clamped to the month's last day. */
export function shiftDate(date: string, months: number, days = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)) + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

/** A copy without `null` values (a profile read back, sent again as input). */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    ) as T;
  }
  return value;
}
