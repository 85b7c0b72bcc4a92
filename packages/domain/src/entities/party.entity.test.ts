import { unwrap } from '../shared/domain-error';
import { Party, type CreatePartyInput } from './party.entity';
import { uid } from './__tests__/fixtures';

const P3MI: CreatePartyInput = {
  id: uid(10),
  kind: 'P3MI',
  name: 'PT Contoh Penempatan',
  country: 'ID',
  licence: { sip3miNumber: 'SIP3MI-001', sip2miNumber: 'SIP2MI-001' },
};

function code(input: unknown): string | undefined {
  const r = Party.create(input as CreatePartyInput);
  return r.ok ? undefined : r.error.code;
}

describe('Party', () => {
  it('creates a P3MI with its licence numbers and round-trips through a snapshot', () => {
    const p = unwrap(Party.create({ ...P3MI, externalRefs: [{ system: 'SISKOP2MI', reference: 'P3MI-123' }] }));
    expect(p.kind).toBe('P3MI');
    expect(p.licence).toEqual({ sip3miNumber: 'SIP3MI-001', sip2miNumber: 'SIP2MI-001' });
    expect(p.referenceIn('SISKOP2MI')).toBe('P3MI-123');
    const snap = p.toSnapshot();
    expect(snap).toEqual({
      id: uid(10),
      kind: 'P3MI',
      name: 'PT Contoh Penempatan',
      shortName: null,
      nativeName: null,
      unit: null,
      country: 'ID',
      regionCode: null,
      licence: { sip3miNumber: 'SIP3MI-001', sip2miNumber: 'SIP2MI-001' },
      representative: null,
      externalRefs: [{ system: 'SISKOP2MI', reference: 'P3MI-123' }],
      isExample: false,
      note: null,
    });
    expect(Party.fromSnapshot(snap).toSnapshot()).toEqual(snap);
  });

  it('snapshots are copies: changing one does not change the party', () => {
    const p = unwrap(Party.create(P3MI));
    const snap = p.toSnapshot() as { name: string };
    snap.name = 'changed';
    expect(p.name).toBe('PT Contoh Penempatan');
  });

  it.each<[string, unknown, string]>([
    ['P3MI without licence', { ...P3MI, licence: null }, 'PARTY.LICENCE_REQUIRED'],
    ['P3MI with an empty permit number', { ...P3MI, licence: { sip3miNumber: 'A', sip2miNumber: ' ' } }, 'PARTY.REQUIRED'],
    ['licence on an association', { ...P3MI, kind: 'ASSOCIATION' }, 'PARTY.LICENCE_NOT_APPLICABLE'],
    ['P3MI abroad', { ...P3MI, country: 'KR' }, 'PARTY.COUNTRY_MISMATCH'],
    ['foreign local government in Indonesia', { id: uid(11), kind: 'FOREIGN_LOCAL_GOVERNMENT', name: 'X', country: 'ID' }, 'PARTY.COUNTRY_MISMATCH'],
    ['city government abroad', { id: uid(11), kind: 'CITY_GOVERNMENT', name: 'X', country: 'KR' }, 'PARTY.COUNTRY_MISMATCH'],
    ['unknown kind', { ...P3MI, kind: 'BROKER' }, 'PARTY.INVALID_VALUE'],
    ['bad id', { ...P3MI, id: 'party-1' }, 'PARTY.INVALID_ID'],
    ['blank name', { ...P3MI, name: '   ' }, 'PARTY.REQUIRED'],
    ['lower-case country', { ...P3MI, country: 'id' }, 'PARTY.INVALID_COUNTRY'],
    ['bad region code', { ...P3MI, regionCode: '36 73' }, 'PARTY.INVALID_REGION_CODE'],
    ['unknown field', { ...P3MI, birthDate: '2000-01-01' }, 'PARTY.UNKNOWN_FIELD'],
    ['name too long', { ...P3MI, name: 'x'.repeat(201) }, 'PARTY.TEXT_TOO_LONG'],
    [
      'two references in one system',
      {
        ...P3MI,
        externalRefs: [
          { system: 'OTHER', reference: 'a' },
          { system: 'OTHER', reference: 'b' },
        ],
      },
      'PARTY.DUPLICATE_REFERENCE',
    ],
    ['not an object', 'P3MI', 'PARTY.NOT_AN_OBJECT'],
  ])('refuses %s', (_label, input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it('messages do not echo the submitted value', () => {
    const r = Party.create({ ...P3MI, name: 'x'.repeat(300) + 'SECRET' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.error)).not.toContain('SECRET');
  });

  it('updates details all-or-nothing and never changes id or kind', () => {
    const p = unwrap(Party.create({ id: uid(12), kind: 'FOREIGN_LOCAL_GOVERNMENT', name: 'Kabupaten Hannam', country: 'KR' }));
    expect(unwrap(p.update({ nativeName: '한남군', note: 'confirmed' }))).toBeUndefined();
    expect(p.nativeName).toBe('한남군');
    const before = p.toSnapshot();
    const r = p.update({ country: 'ID' });
    expect(r.ok ? undefined : r.error.code).toBe('PARTY.COUNTRY_MISMATCH');
    expect(p.toSnapshot()).toEqual(before);
    const k = p.update({ kind: 'EMPLOYER' } as never);
    expect(k.ok ? undefined : k.error.code).toBe('PARTY.IMMUTABLE_FIELD');
    unwrap(p.update({ nativeName: null }));
    expect(p.nativeName).toBeNull();
  });

  it('fromSnapshot throws on a corrupt record', () => {
    const snap = { ...unwrap(Party.create(P3MI)).toSnapshot(), licence: null };
    expect(() => Party.fromSnapshot(snap)).toThrow('PARTY.LICENCE_REQUIRED');
  });
});
