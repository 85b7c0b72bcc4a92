/**
 * Bearer JWTs for staff signed in through the city's identity provider (Keycloak, Entra ID, ...),
 * verified with `jose`: signature against a JWKS (remote URL or inline JSON) or a PEM public key,
 * issuer, audience, `exp`/`nbf` with a small clock tolerance, an algorithm allow-list (asymmetric
 * only: never `none`, never HS* with a public key). Claims map to a Principal.
 *
 * | variable                     | meaning                                                                  |
 * | ---------------------------- | ------------------------------------------------------------------------ |
 * | JEMBATAN_JWT_ISSUER          | required when JWTs are enabled: exact `iss`                               |
 * | JEMBATAN_JWT_AUDIENCE        | required when JWTs are enabled: accepted `aud` (comma-separated list)     |
 * | JEMBATAN_JWKS_URL            | https URL of the IdP's JWKS (http only for localhost)                     |
 * | JEMBATAN_JWKS_JSON           | the JWKS itself, `{"keys":[...]}` (air-gapped deployments)               |
 * | JEMBATAN_JWT_PUBLIC_KEY      | a PEM SPKI public key (`\n` escapes accepted)                             |
 * | JEMBATAN_JWT_ALGORITHMS      | allow-list, default RS256,RS384,RS512,PS256,ES256,ES384,EdDSA             |
 * | JEMBATAN_JWT_CLOCK_TOLERANCE | seconds of clock skew accepted on exp/nbf, default 30 (max 300)          |
 * | JEMBATAN_JWT_ROLES_CLAIM     | dotted path of the roles claim; default: `roles`, `realm_access.roles`, and `resource_access.<JEMBATAN_JWT_CLIENT_ID>.roles` |
 * | JEMBATAN_JWT_CLIENT_ID       | client id for Keycloak's `resource_access` roles (optional)               |
 *
 * Exactly one of JWKS_URL / JWKS_JSON / JWT_PUBLIC_KEY; none of them disables bearer JWTs (a JWT is
 * then refused with AUTH_NOT_CONFIGURED, never treated as anonymous).
 *
 * The `city` claim fails closed (issue 8): a token with the OFFICER role must carry `city` as one
 * JSON string (1 to CITY_CLAIM_MAX_LENGTH characters, trimmed, no control characters); an array (a
 * Keycloak mapper with "Multivalued" or "Aggregate attribute values" on), a number, null, an object,
 * an empty or over-long string is refused as CITY_CLAIM_INVALID, and no claim at all as
 * CITY_CLAIM_MISSING (401). Such a token is never given JEMBATAN_CITY: that default is for API keys,
 * which this deployment mints itself. A well-formed city of another deployment keeps its identity
 * but not the OFFICER role (auth-checker.ts `principalForDeployment`).
 */
import { createPublicKey } from 'node:crypto';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  importSPKI,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { ConfigError } from '../config/config';
import { PARTY_SCOPED_ROLES, rolesFromNames, type Principal } from './role';
import { AuthError } from './security-error';

export const DEFAULT_JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'] as const;
const ALLOWED_ALGORITHMS = new Set<string>([...DEFAULT_JWT_ALGORITHMS, 'PS384', 'PS512', 'ES512']);

export type JwtKeySource =
  | { readonly kind: 'jwksUrl'; readonly url: URL }
  | { readonly kind: 'jwksJson'; readonly jwks: JSONWebKeySet }
  | { readonly kind: 'publicKey'; readonly pem: string };

export interface JwtSettings {
  readonly issuer: string;
  readonly audience: readonly string[];
  readonly keySource: JwtKeySource;
  readonly algorithms: readonly string[];
  readonly clockToleranceSeconds: number;
  /** Dotted path of the roles claim; undefined = the default places. */
  readonly rolesClaim: string | undefined;
  readonly clientId: string | undefined;
}

function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '::1' || hostname === '[::1]';
}

/** Bearer JWT settings from the environment; undefined when no key source is configured. */
export function loadJwtSettings(env: NodeJS.ProcessEnv = process.env): JwtSettings | undefined {
  const trimmed = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const url = trimmed('JEMBATAN_JWKS_URL');
  const json = trimmed('JEMBATAN_JWKS_JSON');
  const pem = trimmed('JEMBATAN_JWT_PUBLIC_KEY');
  const sources = [url, json, pem].filter((s) => s !== undefined).length;
  const issuer = trimmed('JEMBATAN_JWT_ISSUER');
  const audienceRaw = trimmed('JEMBATAN_JWT_AUDIENCE');
  if (sources === 0) {
    if (issuer || audienceRaw) {
      throw new ConfigError('JEMBATAN_JWT_ISSUER/AUDIENCE are set but no key: set one of JEMBATAN_JWKS_URL, JEMBATAN_JWKS_JSON, JEMBATAN_JWT_PUBLIC_KEY');
    }
    return undefined;
  }
  if (sources > 1) throw new ConfigError('Set only one of JEMBATAN_JWKS_URL, JEMBATAN_JWKS_JSON, JEMBATAN_JWT_PUBLIC_KEY');
  if (!issuer) throw new ConfigError('JEMBATAN_JWT_ISSUER is required when bearer JWTs are enabled');
  if (!audienceRaw) throw new ConfigError('JEMBATAN_JWT_AUDIENCE is required when bearer JWTs are enabled');
  const audience = audienceRaw.split(',').map((a) => a.trim()).filter(Boolean);

  let keySource: JwtKeySource;
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError('JEMBATAN_JWKS_URL is not a valid URL');
    }
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLocalHost(parsed.hostname))) {
      throw new ConfigError('JEMBATAN_JWKS_URL must use https (http is accepted for localhost only)');
    }
    keySource = { kind: 'jwksUrl', url: parsed };
  } else if (json) {
    let jwks: unknown;
    try {
      jwks = JSON.parse(json);
    } catch {
      throw new ConfigError('JEMBATAN_JWKS_JSON is not valid JSON');
    }
    if (!jwks || typeof jwks !== 'object' || !Array.isArray((jwks as { keys?: unknown }).keys)) {
      throw new ConfigError('JEMBATAN_JWKS_JSON must be a JWKS: {"keys": [...]}');
    }
    const keys = (jwks as JSONWebKeySet).keys;
    if (keys.some((k) => k.kty === 'oct' || 'd' in k)) {
      throw new ConfigError('JEMBATAN_JWKS_JSON must hold public keys only (no "d", no symmetric "oct" keys)');
    }
    keySource = { kind: 'jwksJson', jwks: jwks as JSONWebKeySet };
  } else {
    const text = (pem as string).replace(/\\n/g, '\n');
    if (!/-----BEGIN PUBLIC KEY-----/.test(text)) {
      throw new ConfigError('JEMBATAN_JWT_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)');
    }
    keySource = { kind: 'publicKey', pem: text };
  }

  const algsRaw = trimmed('JEMBATAN_JWT_ALGORITHMS');
  const algorithms = algsRaw ? algsRaw.split(',').map((a) => a.trim()).filter(Boolean) : [...DEFAULT_JWT_ALGORITHMS];
  const bad = algorithms.filter((a) => !ALLOWED_ALGORITHMS.has(a));
  if (algorithms.length === 0 || bad.length > 0) {
    throw new ConfigError(`JEMBATAN_JWT_ALGORITHMS accepts asymmetric algorithms only: ${[...ALLOWED_ALGORITHMS].join(', ')}`);
  }
  const tolRaw = trimmed('JEMBATAN_JWT_CLOCK_TOLERANCE');
  if (tolRaw !== undefined && (!/^\d{1,3}$/.test(tolRaw) || Number(tolRaw) > 300)) {
    throw new ConfigError('JEMBATAN_JWT_CLOCK_TOLERANCE must be a whole number of seconds between 0 and 300');
  }
  return {
    issuer,
    audience,
    keySource,
    algorithms,
    clockToleranceSeconds: tolRaw === undefined ? 30 : Number(tolRaw),
    rolesClaim: trimmed('JEMBATAN_JWT_ROLES_CLAIM'),
    clientId: trimmed('JEMBATAN_JWT_CLIENT_ID'),
  };
}

/** The JWS algorithm that fits a PEM public key. */
export function algorithmForPublicKey(pem: string): string {
  const key = createPublicKey(pem);
  const type = key.asymmetricKeyType;
  if (type === 'rsa') return 'RS256';
  if (type === 'rsa-pss') return 'PS256';
  if (type === 'ed25519') return 'EdDSA';
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1' || curve === 'P-256') return 'ES256';
    if (curve === 'secp384r1' || curve === 'P-384') return 'ES384';
    if (curve === 'secp521r1' || curve === 'P-521') return 'ES512';
  }
  throw new ConfigError('JEMBATAN_JWT_PUBLIC_KEY: unsupported key type (use RSA, EC P-256/P-384/P-521 or Ed25519)');
}

function getPath(obj: unknown, path: readonly string[]): unknown {
  let current: unknown = obj;
  for (const part of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function namesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * The longest `city` claim read. JEMBATAN_CITY itself may be at most 100 characters
 * (security-config.ts), so a longer claim can never name this deployment: it is refused, not cut.
 */
export const CITY_CLAIM_MAX_LENGTH = 100;

/** What a token's `city` claim holds: absent, one usable city name, or anything else (refused). */
export type CityClaim =
  | { readonly kind: 'absent' }
  | { readonly kind: 'valid'; readonly city: string }
  | { readonly kind: 'invalid'; readonly shape: CityClaimShape };

/** Why a present `city` claim is not usable (logged as the refusal's detail; the value never is). */
export type CityClaimShape = 'array' | 'object' | 'null' | 'number' | 'boolean' | 'empty' | 'too-long' | 'control-characters' | 'malformed-unicode';

/**
 * Read the `city` claim without guessing. Only a JSON string that, trimmed, is 1 to
 * CITY_CLAIM_MAX_LENGTH characters of well-formed text without control characters is a city. An
 * array (what Keycloak's multivalued or aggregated mappers emit, even with one value), a number,
 * `null`, an object, an empty or blank string and an over-long string are `invalid`: never "no
 * city", never the first element.
 */
export function readCityClaim(payload: JWTPayload): CityClaim {
  if (!Object.prototype.hasOwnProperty.call(payload, 'city') || payload.city === undefined) return { kind: 'absent' };
  const value: unknown = payload.city;
  if (typeof value !== 'string') {
    const shape: CityClaimShape =
      value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'object';
    return { kind: 'invalid', shape };
  }
  const city = value.trim();
  if (city.length === 0) return { kind: 'invalid', shape: 'empty' };
  if (city.length > CITY_CLAIM_MAX_LENGTH) return { kind: 'invalid', shape: 'too-long' };
  if (/[\u0000-\u001f\u007f-\u009f]/.test(city)) return { kind: 'invalid', shape: 'control-characters' };
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(city)) return { kind: 'invalid', shape: 'malformed-unicode' };
  return { kind: 'valid', city };
}

function shortString(value: unknown, max = 200): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v.length > 0 && v.length <= max ? v : undefined;
}

/**
 * Claims → principal: `sub` (required), roles (see JEMBATAN_JWT_ROLES_CLAIM), `party_ids` (PARTNER, TRAINER),
 * `candidate_id` (CANDIDATE), `city` (OFFICER), `name` / `preferred_username`.
 *
 * Fail closed on the city (issue 8): a token that carries the OFFICER role must carry a `city` claim
 * that is one string (readCityClaim); otherwise the token is refused, `CITY_CLAIM_INVALID` (an array,
 * a number, an empty or over-long string, ...) or `CITY_CLAIM_MISSING` (no claim), and never given
 * the deployment's city. Whether that city is this deployment's is decided per request
 * (auth-checker.ts `principalForDeployment`: another city keeps its identity, not the OFFICER role).
 * Tokens without the OFFICER role do not use the claim: a malformed one is ignored, not copied.
 */
export function principalFromClaims(payload: JWTPayload, settings: Pick<JwtSettings, 'rolesClaim' | 'clientId'>): Principal {
  const sub = shortString(payload.sub);
  if (!sub) throw new AuthError('CREDENTIAL_INVALID', 'missing or oversized sub claim');
  const roleNames = settings.rolesClaim
    ? namesOf(getPath(payload, settings.rolesClaim.split('.')))
    : [
        ...namesOf(payload.roles),
        ...namesOf(getPath(payload, ['realm_access', 'roles'])),
        ...(settings.clientId ? namesOf(getPath(payload, ['resource_access', settings.clientId, 'roles'])) : []),
      ];
  const roles = rolesFromNames(roleNames);
  const partyIds = namesOf(payload.party_ids).filter((p) => /^[A-Za-z0-9._:-]{1,100}$/.test(p));
  const candidateId = shortString(payload.candidate_id, 100);
  const cityClaim = readCityClaim(payload);
  if (roles.includes('OFFICER')) {
    if (cityClaim.kind === 'invalid') throw new AuthError('CITY_CLAIM_INVALID', `city claim: ${cityClaim.shape}`);
    if (cityClaim.kind === 'absent') throw new AuthError('CITY_CLAIM_MISSING', 'OFFICER token without a city claim');
  }
  const city = cityClaim.kind === 'valid' ? cityClaim.city : undefined;
  const name = shortString(payload.name) ?? shortString(payload.preferred_username);
  return {
    kind: 'jwt',
    roles,
    subject: `jwt:${sub}`,
    ...(roles.some((r) => PARTY_SCOPED_ROLES.includes(r)) ? { partyIds } : {}),
    ...(roles.includes('CANDIDATE') && candidateId ? { candidateId } : {}),
    ...(city ? { city } : {}),
    ...(name ? { name } : {}),
  };
}

export interface JwtVerifier {
  /** Verify a compact JWS and map it; throws AuthError. */
  verify(token: string): Promise<Principal>;
}

export interface JwtVerifierOptions {
  /** Clock for exp/nbf checks (tests). */
  readonly now?: () => Date;
}

/** Map jose's failures to the coarse public reasons; the jose code goes to `internalDetail` for logs. */
export function authErrorFromJose(e: unknown): AuthError {
  if (e instanceof AuthError) return e;
  if (e instanceof joseErrors.JWTExpired) return new AuthError('CREDENTIAL_EXPIRED', e.code);
  if (e instanceof joseErrors.JWKSTimeout) return new AuthError('AUTH_UNAVAILABLE', e.code);
  if (e instanceof joseErrors.JWTInvalid || e instanceof joseErrors.JWSInvalid) return new AuthError('CREDENTIAL_MALFORMED', e.code);
  if (e instanceof joseErrors.JOSEError) return new AuthError('CREDENTIAL_INVALID', e.code);
  // fetch failures of a remote JWKS and anything unexpected: refuse, never let through
  return new AuthError('AUTH_UNAVAILABLE', e instanceof Error ? e.name : 'unknown');
}

export function createJwtVerifier(settings: JwtSettings, options: JwtVerifierOptions = {}): JwtVerifier {
  let keyPromise: Promise<{ key: KeyLike | JWTVerifyGetKey; algorithms: string[] }> | undefined;
  const resolveKey = (): Promise<{ key: KeyLike | JWTVerifyGetKey; algorithms: string[] }> => {
    keyPromise ??= (async () => {
      const source = settings.keySource;
      if (source.kind === 'jwksUrl') {
        return {
          key: createRemoteJWKSet(source.url, { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 }),
          algorithms: [...settings.algorithms],
        };
      }
      if (source.kind === 'jwksJson') return { key: createLocalJWKSet(source.jwks), algorithms: [...settings.algorithms] };
      const alg = algorithmForPublicKey(source.pem);
      if (!settings.algorithms.includes(alg)) {
        throw new ConfigError(`JEMBATAN_JWT_PUBLIC_KEY is a ${alg} key but JEMBATAN_JWT_ALGORITHMS does not allow ${alg}`);
      }
      return { key: await importSPKI(source.pem, alg), algorithms: [alg] };
    })();
    return keyPromise;
  };

  return {
    async verify(token: string): Promise<Principal> {
      if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token) || token.length > 16_384) {
        throw new AuthError('CREDENTIAL_MALFORMED', 'not a compact JWS');
      }
      const { key, algorithms } = await resolveKey();
      let payload: JWTPayload;
      try {
        const verifyOptions = {
          issuer: settings.issuer,
          audience: [...settings.audience],
          algorithms,
          clockTolerance: settings.clockToleranceSeconds,
          requiredClaims: ['exp', 'sub'],
          ...(options.now ? { currentDate: options.now() } : {}),
        };
        const result =
          typeof key === 'function'
            ? await jwtVerify(token, key, verifyOptions)
            : await jwtVerify(token, key, verifyOptions);
        payload = result.payload;
      } catch (e) {
        throw authErrorFromJose(e);
      }
      return principalFromClaims(payload, settings);
    },
  };
}
