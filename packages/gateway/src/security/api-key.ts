/**
 * API keys for municipal apps.
 *
 * Format: `jmb_<keyId>_<secret>`: `keyId` is 16 lowercase hex characters (64 random bits, the primary
 * key, safe to log), `secret` 43 base64url characters (32 random bytes from node:crypto). Lookup is
 * by key id; only a hash of the secret is stored, and the full key is shown once, at creation.
 *
 * Why SHA-256 and not scrypt/argon2: a password hash is slow on purpose because passwords have little
 * entropy and must resist guessing after a database leak. These secrets are 256 bits of CSPRNG output:
 * guessing one is infeasible at any hash speed, so a slow KDF adds no protection and would cost tens
 * of milliseconds of CPU on every request (a denial-of-service lever for anyone holding garbage keys).
 * The hash input is domain-separated (`jembatan.api-key.v1`, key id, secret) and compared with
 * `crypto.timingSafeEqual`. GitHub, Stripe and similar token schemes make the same choice.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { UseCaseError } from '../use-cases/use-case-error';
import { GRANTABLE_ROLES, normaliseRoles, PARTY_SCOPED_ROLES, type Principal, type Role } from './role';
import { AuthError } from './security-error';
import { toDate, toJson, type SqlExecutor } from './sql-executor';

export const API_KEY_PREFIX = 'jmb_';
const KEY_ID_BYTES = 8;
const SECRET_BYTES = 32;
const API_KEY_PATTERN = /^jmb_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const HASH_DOMAIN = 'jembatan.api-key.v1';

export interface ParsedApiKey {
  readonly keyId: string;
  readonly secret: string;
}

export interface GeneratedApiKey extends ParsedApiKey {
  /** The full key, `jmb_<keyId>_<secret>`: give it to the caller once; never store or log it. */
  readonly token: string;
  readonly secretHash: string;
}

export function formatApiKey(keyId: string, secret: string): string {
  return `${API_KEY_PREFIX}${keyId}_${secret}`;
}

/** The key id and secret of a well-formed key; undefined otherwise. */
export function parseApiKey(token: string): ParsedApiKey | undefined {
  const m = API_KEY_PATTERN.exec(token);
  return m ? { keyId: m[1] as string, secret: m[2] as string } : undefined;
}

/** Whether a credential string is meant as an API key (even a damaged one), rather than a JWT. */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

export function hashApiKeySecret(keyId: string, secret: string): string {
  return createHash('sha256').update(HASH_DOMAIN).update('\0').update(keyId).update('\0').update(secret).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function verifyApiKeySecret(keyId: string, secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKeySecret(keyId, secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  if (stored.length !== presented.length) return false;
  return timingSafeEqual(presented, stored);
}

export function generateApiKey(random: (size: number) => Buffer = randomBytes): GeneratedApiKey {
  const keyId = random(KEY_ID_BYTES).toString('hex');
  const secret = random(SECRET_BYTES).toString('base64url');
  return { keyId, secret, token: formatApiKey(keyId, secret), secretHash: hashApiKeySecret(keyId, secret) };
}

// ---------------------------------------------------------------------------------------------------
// Storage (table `api_key`, migration Migration20261129200000_security)

export type GrantableRole = Exclude<Role, 'PUBLIC'>;

export interface ApiKeyRecord {
  readonly keyId: string;
  readonly name: string;
  readonly roles: readonly GrantableRole[];
  readonly partyIds: readonly string[];
  readonly candidateId: string | null;
  readonly city: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
  readonly lastUsedAt: Date | null;
}

export interface CreateApiKeyInput {
  readonly name: string;
  readonly roles: readonly Role[];
  /**
   * PARTNER keys: the P3MI / APJATI party ids the app acts for; TRAINER keys: the training providers'
   * party ids (required for both). Not checked against the party table, like PARTNER's: an id that
   * names no such party scopes the key to nothing.
   */
  readonly partyIds?: readonly string[];
  /** CANDIDATE keys: the candidate's own record (required for CANDIDATE). */
  readonly candidateId?: string;
  /** OFFICER keys: the city the app may see; when absent the deployment's city applies (JEMBATAN_CITY). */
  readonly city?: string;
  readonly expiresAt?: Date;
  /** Who created it: a principal subject (`jwt:…`, `apiKey:…`) or `cli:<user>`. */
  readonly createdBy: string;
}

export interface ApiKeyOptions {
  /** Clock (tests pass a fixed one). */
  readonly now?: () => Date;
  /** `last_used_at` is written at most once per this many ms per key (default 60 s) to spare the database. */
  readonly lastUsedResolutionMs?: number;
  /** Random source (tests only). */
  readonly random?: (size: number) => Buffer;
}

const ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** A refused request, without GraphQL: the field is the request's own (`name`, `roles`, ...). */
function badInput(field: string, id: string, en: string): UseCaseError {
  return new UseCaseError({ kind: 'REJECTED', code: 'BAD_USER_INPUT', messages: { id, en }, field: [field] });
}

/** Validate and normalise a create request; throws BAD_USER_INPUT with the field. */
export function validateCreateApiKeyInput(input: CreateApiKeyInput): {
  name: string;
  roles: GrantableRole[];
  partyIds: string[];
  candidateId: string | null;
  city: string | null;
} {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  // eslint-disable-next-line no-control-regex
  if (name.length < 1 || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw badInput('name', 'Nama kunci wajib diisi (1–200 karakter, tanpa karakter kontrol).', 'The key name is required (1–200 characters, no control characters).');
  }
  const requested = new Set<string>(Array.isArray(input.roles) ? input.roles : []);
  const roles = GRANTABLE_ROLES.filter((r) => requested.has(r));
  const unknown = [...requested].filter((r) => r !== 'PUBLIC' && !(GRANTABLE_ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw badInput('roles', `Peran harus satu atau lebih dari: ${GRANTABLE_ROLES.join(', ')}.`, `Roles must be one or more of: ${GRANTABLE_ROLES.join(', ')}.`);
  }
  const partyIds = [...new Set((input.partyIds ?? []).map((p) => String(p).trim()))];
  if (partyIds.some((p) => !ID_PATTERN.test(p))) {
    throw badInput('partyIds', 'ID pihak tidak valid.', 'Invalid party id.');
  }
  if (roles.includes('PARTNER') && partyIds.length === 0) {
    throw badInput('partyIds', 'Kunci PARTNER memerlukan minimal satu ID pihak (P3MI/APJATI).', 'A PARTNER key needs at least one party id (P3MI/APJATI).');
  }
  if (roles.includes('TRAINER') && partyIds.length === 0) {
    throw badInput('partyIds', 'Kunci TRAINER memerlukan minimal satu ID lembaga pelatihan.', 'A TRAINER key needs at least one training provider’s party id.');
  }
  const candidateId = input.candidateId === undefined || input.candidateId === null ? null : String(input.candidateId).trim();
  if (candidateId !== null && !ID_PATTERN.test(candidateId)) {
    throw badInput('candidateId', 'ID calon pekerja tidak valid.', 'Invalid candidate id.');
  }
  if (roles.includes('CANDIDATE') && candidateId === null) {
    throw badInput('candidateId', 'Kunci CANDIDATE memerlukan ID calon pekerja.', 'A CANDIDATE key needs the candidate id.');
  }
  const city = input.city === undefined || input.city === null ? null : String(input.city).trim();
  if (city !== null && (city.length < 1 || city.length > 100)) {
    throw badInput('city', 'Nama kota tidak valid.', 'Invalid city.');
  }
  return { name, roles, partyIds, candidateId, city };
}

interface ApiKeyRow {
  id: string;
  name: string;
  roles: unknown;
  party_ids: unknown;
  candidate_id: string | null;
  city: string | null;
  secret_hash: string;
  created_at: unknown;
  created_by: string;
  expires_at: unknown;
  revoked_at: unknown;
  revoked_by: string | null;
  last_used_at: unknown;
}

const COLUMNS = `"id", "name", "roles", "party_ids", "candidate_id", "city", "secret_hash", "created_at", "created_by", "expires_at", "revoked_at", "revoked_by", "last_used_at"`;

function stringArray(value: unknown): string[] {
  const parsed = toJson(value);
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  const roles = stringArray(row.roles).filter((r): r is GrantableRole => (GRANTABLE_ROLES as readonly string[]).includes(r));
  return {
    keyId: row.id,
    name: row.name,
    roles,
    partyIds: stringArray(row.party_ids),
    candidateId: row.candidate_id,
    city: row.city,
    createdAt: toDate(row.created_at) as Date,
    createdBy: row.created_by,
    expiresAt: toDate(row.expires_at),
    revokedAt: toDate(row.revoked_at),
    revokedBy: row.revoked_by,
    lastUsedAt: toDate(row.last_used_at),
  };
}

/** The principal an API key stands for. */
export function principalFromApiKey(record: ApiKeyRecord): Principal {
  return {
    kind: 'apiKey',
    roles: normaliseRoles(record.roles),
    subject: `apiKey:${record.keyId}`,
    keyId: record.keyId,
    name: record.name,
    ...(record.roles.some((r) => PARTY_SCOPED_ROLES.includes(r)) ? { partyIds: [...record.partyIds] } : {}),
    ...(record.roles.includes('CANDIDATE') && record.candidateId ? { candidateId: record.candidateId } : {}),
    ...(record.city ? { city: record.city } : {}),
  };
}

/** Create a key; the returned `token` is the only time the secret exists outside the caller. */
export async function createApiKey(
  db: SqlExecutor,
  input: CreateApiKeyInput,
  options: ApiKeyOptions = {},
): Promise<{ record: ApiKeyRecord; token: string }> {
  const valid = validateCreateApiKeyInput(input);
  const createdBy = String(input.createdBy ?? '').trim().slice(0, 300) || 'unknown';
  const now = (options.now ?? (() => new Date()))();
  if (input.expiresAt && !(input.expiresAt.getTime() > now.getTime())) {
    throw badInput('expiresAt', 'Tanggal kedaluwarsa harus di masa depan.', 'The expiry must be in the future.');
  }
  const key = generateApiKey(options.random);
  const rows = await db.all<ApiKeyRow>(
    `insert into "api_key" ("id", "name", "roles", "party_ids", "candidate_id", "city", "secret_hash", "created_at", "created_by", "expires_at") ` +
      `values (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::timestamptz, ?, ?::timestamptz) returning ${COLUMNS}`,
    [
      key.keyId,
      valid.name,
      JSON.stringify(valid.roles),
      JSON.stringify(valid.partyIds),
      valid.candidateId,
      valid.city,
      key.secretHash,
      now.toISOString(),
      createdBy,
      input.expiresAt ? input.expiresAt.toISOString() : null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('api_key insert returned no row');
  return { record: toRecord(row), token: key.token };
}

// A fixed hash to compare against when the key id is unknown, so both paths do the same work.
const DUMMY_HASH = hashApiKeySecret('0000000000000000', 'x'.repeat(43));

/**
 * Check a presented key and return its principal; refresh `last_used_at` (at most once per
 * `lastUsedResolutionMs`). Throws AuthError: malformed → CREDENTIAL_MALFORMED; unknown, wrong secret
 * or revoked → CREDENTIAL_INVALID (indistinguishable to the caller); past expiry → CREDENTIAL_EXPIRED.
 */
export async function verifyApiKey(db: SqlExecutor, token: string, options: ApiKeyOptions = {}): Promise<Principal> {
  const parsed = parseApiKey(token);
  if (!parsed) throw new AuthError('CREDENTIAL_MALFORMED', 'api key format');
  const rows = await db.all<ApiKeyRow>(`select ${COLUMNS} from "api_key" where "id" = ?`, [parsed.keyId]);
  const row = rows[0];
  if (!row) {
    verifyApiKeySecret(parsed.keyId, parsed.secret, DUMMY_HASH);
    throw new AuthError('CREDENTIAL_INVALID', 'unknown key id');
  }
  if (!verifyApiKeySecret(parsed.keyId, parsed.secret, row.secret_hash.trim())) {
    throw new AuthError('CREDENTIAL_INVALID', 'wrong secret');
  }
  const record = toRecord(row);
  if (record.revokedAt) throw new AuthError('CREDENTIAL_INVALID', 'revoked key');
  const now = (options.now ?? (() => new Date()))();
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) {
    throw new AuthError('CREDENTIAL_EXPIRED', 'expired key');
  }
  const resolution = options.lastUsedResolutionMs ?? 60_000;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= resolution) {
    await db.all(
      `update "api_key" set "last_used_at" = ?::timestamptz where "id" = ? and "revoked_at" is null ` +
        `and ("last_used_at" is null or "last_used_at" <= ?::timestamptz) returning "id"`,
      [now.toISOString(), record.keyId, new Date(now.getTime() - resolution).toISOString()],
    );
  }
  return principalFromApiKey(record);
}

/** Revoke a key (idempotent: revoking twice keeps the first time). Undefined when there is no such key. */
export async function revokeApiKey(
  db: SqlExecutor,
  keyId: string,
  revokedBy: string,
  options: Pick<ApiKeyOptions, 'now'> = {},
): Promise<ApiKeyRecord | undefined> {
  if (!/^[0-9a-f]{16}$/.test(keyId)) return undefined;
  const now = (options.now ?? (() => new Date()))();
  const rows = await db.all<ApiKeyRow>(
    `update "api_key" set "revoked_at" = coalesce("revoked_at", ?::timestamptz), "revoked_by" = coalesce("revoked_by", ?) ` +
      `where "id" = ? returning ${COLUMNS}`,
    [now.toISOString(), String(revokedBy).slice(0, 300) || 'unknown', keyId],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function getApiKey(db: SqlExecutor, keyId: string): Promise<ApiKeyRecord | undefined> {
  if (!/^[0-9a-f]{16}$/.test(keyId)) return undefined;
  const rows = await db.all<ApiKeyRow>(`select ${COLUMNS} from "api_key" where "id" = ?`, [keyId]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** Keys, newest first (never their hashes). */
export async function listApiKeys(db: SqlExecutor, options: { includeRevoked?: boolean } = {}): Promise<ApiKeyRecord[]> {
  const rows = await db.all<ApiKeyRow>(
    `select ${COLUMNS} from "api_key"${options.includeRevoked ? '' : ' where "revoked_at" is null'} order by "created_at" desc, "id"`,
  );
  return rows.map(toRecord);
}

/** The record without anything secret-derived, for API responses and the audit log. */
export function describeApiKey(record: ApiKeyRecord): Record<string, unknown> {
  return {
    keyId: record.keyId,
    name: record.name,
    roles: [...record.roles],
    partyIds: [...record.partyIds],
    candidateId: record.candidateId,
    city: record.city,
    expiresAt: record.expiresAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}
