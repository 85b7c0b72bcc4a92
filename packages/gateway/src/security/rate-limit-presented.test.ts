import { SignJWT } from 'jose';
import { presentedRateKey, rateKeyOf } from './rate-limit';
import type { Principal } from './role';

const KEY_ID = '0123456789abcdef';
const apiKey = `jmb_${KEY_ID}_${'A'.repeat(43)}`;

describe('presentedRateKey (decided from the headers, before verification)', () => {
  it('an API key is charged to the same bucket as its verified principal', () => {
    const principal: Principal = { kind: 'apiKey', roles: ['PUBLIC', 'ANALYST'], subject: `apiKey:${KEY_ID}`, keyId: KEY_ID };
    for (const headers of [{ authorization: `Bearer ${apiKey}` }, { authorization: `ApiKey ${apiKey}` }, { 'x-api-key': apiKey }]) {
      expect(presentedRateKey(headers, '10.0.0.1')).toEqual({ key: rateKeyOf(principal, '10.0.0.1'), signedIn: true, presented: true });
    }
  });

  it('a JWT is charged by a hash of its subject, the same bucket as the verified token’s principal', async () => {
    const token = await new SignJWT({ sub: 'staff-7' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('k'.repeat(32)));
    const principal: Principal = { kind: 'jwt', roles: ['PUBLIC', 'OFFICER'], subject: 'jwt:staff-7' };
    const presented = presentedRateKey({ authorization: `Bearer ${token}` }, '10.0.0.1');
    expect(presented).toEqual({ key: rateKeyOf(principal, '10.0.0.1'), signedIn: true, presented: true });
    expect(presented.key).toMatch(/^jwt#[0-9a-f]{32}$/);
    expect(presented.key).not.toContain('staff-7');
  });

  it('no credential, or one that cannot be read, is charged to the IP', () => {
    expect(presentedRateKey({}, '10.0.0.1')).toEqual({ key: 'ip:10.0.0.1', signedIn: false, presented: false });
    for (const headers of [
      { authorization: 'Bearer jmb_short' },
      { authorization: 'Bearer not.a-jwt' },
      { authorization: 'Basic dXNlcjpwdw==' },
      { authorization: `Bearer ${apiKey}`, 'x-api-key': apiKey },
      { authorization: `Bearer a.${Buffer.from(JSON.stringify({ sub: 'x'.repeat(2000) })).toString('base64url')}.c` },
    ]) {
      expect(presentedRateKey(headers, '10.0.0.1')).toEqual({ key: 'ip:10.0.0.1', signedIn: false, presented: true });
    }
  });
});
