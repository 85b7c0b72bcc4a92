/**
 * The errors of access control and abuse limits. They are `GatewayError`s, so the gateway's
 * `formatGatewayError` passes them through with `extensions.code`, bilingual `messages` and a coarse
 * `details.reason`; never the credential, never what was refused.
 */
import type { Messages } from '@jembatan/domain';
import { GatewayError } from '../graphql/errors';

export const SECURITY_ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'TIMEOUT'] as const;
export type SecurityErrorCode = (typeof SECURITY_ERROR_CODES)[number];

export const SECURITY_MESSAGES: Record<SecurityErrorCode, Messages> = {
  UNAUTHENTICATED: {
    id: 'Kredensial tidak valid, kedaluwarsa, atau telah dicabut.',
    en: 'The credential is invalid, expired or revoked.',
  },
  FORBIDDEN: {
    id: 'Anda tidak berwenang mengakses data ini.',
    en: 'You are not allowed to access this.',
  },
  RATE_LIMITED: {
    id: 'Terlalu banyak permintaan. Coba lagi nanti.',
    en: 'Too many requests. Try again later.',
  },
  TIMEOUT: {
    id: 'Permintaan melebihi batas waktu.',
    en: 'The request took too long and was stopped.',
  },
};

/**
 * Why a credential was refused, as told to the caller. Deliberately coarse: an unknown key and a
 * revoked key answer the same (`CREDENTIAL_INVALID`), so key ids cannot be probed.
 */
export type AuthFailureReason =
  | 'CREDENTIAL_MALFORMED' // not a bearer token / API key we can read, or two credentials at once
  | 'CREDENTIAL_INVALID' // unknown key, wrong secret, revoked key, bad signature, wrong issuer/audience, unknown kid
  | 'CREDENTIAL_EXPIRED' // token past `exp` (beyond the clock tolerance), or API key past its expiry
  | 'AUTH_NOT_CONFIGURED' // a bearer JWT was sent but no JWKS / public key is configured
  | 'AUTH_UNAVAILABLE' // the identity provider's JWKS could not be fetched (refused, never let through)
  | 'CITY_CLAIM_INVALID' // an OFFICER token whose `city` claim is not one string (array, number, empty, over-long, ...)
  | 'CITY_CLAIM_MISSING'; // an OFFICER token without a `city` claim (officer rights need this deployment's city)

/** Messages of the refusals a caller can fix on their side; the other reasons use SECURITY_MESSAGES.UNAUTHENTICATED. */
export const AUTH_REASON_MESSAGES: Partial<Record<AuthFailureReason, Messages>> = {
  CITY_CLAIM_INVALID: {
    id: 'Klaim `city` pada token tidak valid: harus satu teks berisi nama kota ini, bukan daftar atau angka (periksa mapper di penyedia identitas).',
    en: "The token's `city` claim is not valid: it must be one string naming this city, not a list or a number (check the identity provider's mapper).",
  },
  CITY_CLAIM_MISSING: {
    id: 'Token dengan peran OFFICER tidak memuat klaim `city`; hak petugas hanya untuk token yang menyebut kota ini.',
    en: 'The token has the OFFICER role but no `city` claim; officer rights need a token that names this city.',
  },
};

/** UNAUTHENTICATED: a credential was presented and refused. Never falls back to PUBLIC. */
export class AuthError extends GatewayError {
  readonly reason: AuthFailureReason;
  /** For logs only (never serialised): the underlying cause, e.g. jose's error code. */
  readonly internalDetail: string | undefined;

  constructor(reason: AuthFailureReason, internalDetail?: string) {
    super('UNAUTHENTICATED', AUTH_REASON_MESSAGES[reason] ?? SECURITY_MESSAGES.UNAUTHENTICATED, { details: { reason } });
    this.name = 'AuthError';
    this.reason = reason;
    this.internalDetail = internalDetail;
  }
}

/** FORBIDDEN: the caller is known but lacks the role or the ownership the data needs. */
export class ForbiddenError extends GatewayError {
  constructor(messages: Messages = SECURITY_MESSAGES.FORBIDDEN) {
    super('FORBIDDEN', messages);
    this.name = 'ForbiddenError';
  }
}

/** Anonymous callers asking for something that needs a role get UNAUTHENTICATED (they should sign in). */
export class AuthenticationRequiredError extends GatewayError {
  constructor() {
    super(
      'UNAUTHENTICATED',
      { id: 'Perlu masuk (API key atau token) untuk mengakses data ini.', en: 'Sign in (API key or token) to access this.' },
      { details: { reason: 'CREDENTIAL_REQUIRED' } },
    );
    this.name = 'AuthenticationRequiredError';
  }
}

export class QueryTimeoutError extends GatewayError {
  constructor(timeoutMs: number) {
    super('TIMEOUT', SECURITY_MESSAGES.TIMEOUT, { details: { timeoutMs } });
    this.name = 'QueryTimeoutError';
  }
}

/** The GraphQL-over-HTTP body for an error answered before GraphQL runs (401, 429, ...). */
export function graphqlErrorBody(
  code: SecurityErrorCode,
  extra: Record<string, string | number | boolean | null> = {},
  requestId?: string,
  messages: Messages = SECURITY_MESSAGES[code],
): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } {
  return {
    errors: [
      {
        message: messages.en,
        extensions: { code, messages, ...(Object.keys(extra).length ? { details: extra } : {}), ...(requestId ? { requestId } : {}) },
      },
    ],
  };
}
