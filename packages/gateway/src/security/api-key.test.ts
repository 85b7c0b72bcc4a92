import fc from 'fast-check';
import {
  API_KEY_PREFIX,
  formatApiKey,
  generateApiKey,
  hashApiKeySecret,
  looksLikeApiKey,
  parseApiKey,
  principalFromApiKey,
  validateCreateApiKeyInput,
  verifyApiKeySecret,
  type ApiKeyRecord,
} from './api-key';
import { UseCaseError } from '../use-cases/use-case-error';

const hex16 = fc.stringMatching(/^[0-9a-f]{16}$/);
const secret43 = fc.stringMatching(/^[A-Za-z0-9_-]{43}$/);

describe('API key format', () => {
  it('generates jmb_<16 hex>_<43 base64url> with 256 random bits of secret', () => {
    const k = generateApiKey();
    expect(k.token).toMatch(/^jmb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(k.secret, 'base64url')).toHaveLength(32);
    expect(parseApiKey(k.token)).toEqual({ keyId: k.keyId, secret: k.secret });
    expect(k.secretHash).toBe(hashApiKeySecret(k.keyId, k.secret));
    expect(k.secretHash).not.toContain(k.secret);
  });

  it('never repeats (1,000 keys)', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateApiKey().token));
    const ids = new Set([...tokens].map((t) => parseApiKey(t)?.keyId));
    expect(tokens.size).toBe(1000);
    expect(ids.size).toBe(1000);
  });

  it('property: format and parse are inverse', () => {
    fc.assert(
      fc.property(hex16, secret43, (keyId, secret) => {
        expect(parseApiKey(formatApiKey(keyId, secret))).toEqual({ keyId, secret });
      }),
    );
  });

  it.each([
    ['empty', ''],
    ['no prefix', '0123456789abcdef_' + 'a'.repeat(43)],
    ['upper-case id', 'jmb_0123456789ABCDEF_' + 'a'.repeat(43)],
    ['short secret', 'jmb_0123456789abcdef_' + 'a'.repeat(42)],
    ['long secret', 'jmb_0123456789abcdef_' + 'a'.repeat(44)],
    ['bad character', 'jmb_0123456789abcdef_' + 'a'.repeat(42) + '+'],
    ['trailing space', 'jmb_0123456789abcdef_' + 'a'.repeat(43) + ' '],
  ])('rejects a malformed key (%s)', (_name, token) => {
    expect(parseApiKey(token)).toBeUndefined();
  });

  it('tells API keys from JWTs by the prefix', () => {
    expect(looksLikeApiKey(`${API_KEY_PREFIX}whatever`)).toBe(true);
    expect(looksLikeApiKey('eyJhbGciOiJSUzI1NiJ9.e30.sig')).toBe(false);
  });

  it('property: only the exact secret verifies against its hash', () => {
    fc.assert(
      fc.property(hex16, secret43, secret43, (keyId, secret, other) => {
        const hash = hashApiKeySecret(keyId, secret);
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
        expect(verifyApiKeySecret(keyId, secret, hash)).toBe(true);
        expect(verifyApiKeySecret(keyId, other, hash)).toBe(other === secret);
      }),
    );
  });

  it('binds the hash to the key id (a secret moved to another id does not verify)', () => {
    const k = generateApiKey();
    expect(verifyApiKeySecret('ffffffffffffffff', k.secret, k.secretHash)).toBe(false);
    expect(verifyApiKeySecret(k.keyId, k.secret, 'not-hex')).toBe(false);
  });
});

describe('validateCreateApiKeyInput', () => {
  const base = { name: 'Portal SSS', roles: ['OFFICER' as const], createdBy: 'cli:test' };
  const fieldOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
      return undefined;
    } catch (e) {
      expect(e).toBeInstanceOf(UseCaseError);
      const failure = (e as UseCaseError).failure;
      expect(failure.kind === 'REJECTED' && failure.code).toBe('BAD_USER_INPUT');
      return failure.kind === 'REJECTED' ? failure.field?.join('.') : undefined;
    }
  };

  it('normalises a valid request', () => {
    expect(validateCreateApiKeyInput({ ...base, name: '  Portal SSS ', roles: ['ANALYST', 'OFFICER', 'PUBLIC'] })).toEqual({
      name: 'Portal SSS',
      roles: ['OFFICER', 'ANALYST'],
      partyIds: [],
      candidateId: null,
      city: null,
    });
  });

  it.each([
    ['empty name', { ...base, name: '  ' }, 'name'],
    ['control characters in the name', { ...base, name: 'a\nb' }, 'name'],
    ['no role', { ...base, roles: [] }, 'roles'],
    ['only PUBLIC', { ...base, roles: ['PUBLIC' as const] }, 'roles'],
    ['unknown role', { ...base, roles: ['ROOT' as never] }, 'roles'],
    ['PARTNER without party', { ...base, roles: ['PARTNER' as const] }, 'partyIds'],
    ['bad party id', { ...base, roles: ['PARTNER' as const], partyIds: ['a b'] }, 'partyIds'],
    ['TRAINER without party', { ...base, roles: ['TRAINER' as const] }, 'partyIds'],
    ['CANDIDATE without candidate id', { ...base, roles: ['CANDIDATE' as const] }, 'candidateId'],
  ])('refuses %s', (_name, input, field) => {
    expect(fieldOf(() => validateCreateApiKeyInput(input))).toBe(field);
  });
});

describe('principalFromApiKey', () => {
  const record: ApiKeyRecord = {
    keyId: '0123456789abcdef',
    name: 'P3MI app',
    roles: ['PARTNER'],
    partyIds: ['p3mi-1'],
    candidateId: 'ignored-without-CANDIDATE',
    city: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    createdBy: 'cli:test',
    expiresAt: null,
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
  };
  it('carries only what the roles use', () => {
    expect(principalFromApiKey(record)).toEqual({
      kind: 'apiKey',
      roles: ['PUBLIC', 'PARTNER'],
      subject: 'apiKey:0123456789abcdef',
      keyId: '0123456789abcdef',
      name: 'P3MI app',
      partyIds: ['p3mi-1'],
    });
  });
  it('gives a TRAINER key its party ids (the training providers), as a PARTNER key', () => {
    expect(principalFromApiKey({ ...record, name: 'LPK app', roles: ['TRAINER'], partyIds: ['lpk-1', 'bbpvp-1'] })).toEqual({
      kind: 'apiKey',
      roles: ['PUBLIC', 'TRAINER'],
      subject: 'apiKey:0123456789abcdef',
      keyId: '0123456789abcdef',
      name: 'LPK app',
      partyIds: ['lpk-1', 'bbpvp-1'],
    });
    expect(principalFromApiKey({ ...record, roles: ['ANALYST'] })).not.toHaveProperty('partyIds');
  });
});
