import { parameterSnapshot } from '../parameters';
import { listCandidateProfileIssues, validateCandidateProfile } from './validate-candidate-profile';
import { AS_OF, completeProfile } from './__tests__/fixtures';

const params = parameterSnapshot(AS_OF);

function firstCode(input: unknown, options: Parameters<typeof validateCandidateProfile>[1] = { asOf: AS_OF, params }) {
  const r = validateCandidateProfile(input, options);
  return r.ok ? undefined : { code: r.error.code, path: r.error.path };
}

describe('validateCandidateProfile', () => {
  it('accepts an empty profile (every field optional)', () => {
    expect(validateCandidateProfile({})).toEqual({ ok: true, value: {} });
  });

  it('accepts a complete profile and returns an equal copy', () => {
    const p = completeProfile();
    const r = validateCandidateProfile(p, { asOf: AS_OF, params });
    expect(r).toEqual({ ok: true, value: p });
    expect(r.ok && r.value).not.toBe(p);
  });

  it('reads null as absent and drops it (GraphQL inputs)', () => {
    const r = validateCandidateProfile({ nik: null, education: null, medical: { colourBlind: null, completeFingers: true }, documents: null });
    expect(r).toEqual({ ok: true, value: { medical: { completeFingers: true } } });
  });

  it('normalises a NIK typed with spaces and a BPJS number with dots', () => {
    const r = validateCandidateProfile({ nik: '3673 0115 0695 0001', bpjsNumber: '1234.5678.901' });
    expect(r).toEqual({ ok: true, value: { nik: '3673011506950001', bpjsNumber: '12345678901' } });
  });

  it.each([
    ['a 15-digit NIK', { nik: '367301150695001' }, 'NIK.INVALID_LENGTH', ['nik']],
    ['a NIK with letters', { nik: '36730115069500O1' }, 'NIK.NOT_DIGITS', ['nik']],
    ['a birth date after asOf', { declaredBirthDate: '2026-03-02' }, 'PROFILE.BIRTH_DATE_IN_FUTURE', ['declaredBirthDate']],
    ['a NIK whose birth date is after asOf in both centuries', { nik: '3673010101990001' }, undefined, undefined],
    ['a negative EPS-TOPIK score', { epsTopikResults: [{ takenOn: '2025-01-01', score: -5 }] }, 'PROFILE.NEGATIVE_VALUE', ['epsTopikResults', '0', 'score']],
    ['a fractional score', { epsTopikResults: [{ takenOn: '2025-01-01', score: 120.5 }] }, 'PROFILE.NOT_INTEGER', ['epsTopikResults', '0', 'score']],
    ['an EPS-TOPIK score above the maximum', { epsTopikResults: [{ takenOn: '2025-01-01', score: 201 }] }, 'PROFILE.OUT_OF_RANGE', ['epsTopikResults', '0', 'score']],
    ['a TOPIK I score above 200', { topikResults: [{ test: 'TOPIK_I', takenOn: '2025-01-01', score: 250 }] }, 'PROFILE.OUT_OF_RANGE', ['topikResults', '0', 'score']],
    ['a pilot level above 6', { pilotKoreanTests: [{ takenOn: '2025-01-01', level: 7, speakingPassed: true }] }, 'PROFILE.OUT_OF_RANGE', ['pilotKoreanTests', '0', 'level']],
    ['a test taken after asOf', { epsTopikResults: [{ takenOn: '2026-04-01', score: 100 }] }, 'PROFILE.DATE_IN_FUTURE', ['epsTopikResults', '0', 'takenOn']],
    ['an impossible date', { declaredBirthDate: '1995-02-30' }, 'PROFILE.INVALID_DATE', ['declaredBirthDate']],
    ['a wrong sex', { declaredSex: 'L' }, 'PROFILE.INVALID_VALUE', ['declaredSex']],
    ['an unknown education level', { education: 'SMA' }, 'PROFILE.INVALID_VALUE', ['education']],
    ['an unknown field', { birthDate: '1995-06-15' }, 'PROFILE.UNKNOWN_FIELD', ['birthDate']],
    ['an unknown document kind', { documents: [{ kind: 'DIPLOMA' }] }, 'PROFILE.INVALID_VALUE', ['documents', '0', 'kind']],
    ['an expiry before the issue date', { documents: [{ kind: 'PASSPORT', issuedOn: '2025-01-01', expiresOn: '2024-12-31' }] }, 'PROFILE.DATE_ORDER', ['documents', '0', 'expiresOn']],
    ['negative months in Korea', { koreaHistory: { priorMonthsE9: -1 } }, 'PROFILE.NEGATIVE_VALUE', ['koreaHistory', 'priorMonthsE9']],
    ['a missing required item field', { skillVerifications: [{ occupation: 'WELDER', certifier: 'KOSHIPA', passed: true }] }, 'PROFILE.REQUIRED', ['skillVerifications', '0', 'testedOn']],
    ['a BPJS number with letters', { bpjsNumber: 'ABC123' }, 'PROFILE.INVALID_BPJS_NUMBER', ['bpjsNumber']],
    ['a list instead of an object', { medical: [] }, 'PROFILE.NOT_AN_OBJECT', ['medical']],
    ['a string instead of a boolean', { criminalRecord: { everImprisoned: 'no' } }, 'PROFILE.INVALID_TYPE', ['criminalRecord', 'everImprisoned']],
    ['a malformed address city code', { address: { cityCode: '36-73-01' } }, 'PROFILE.INVALID_VALUE', ['address', 'cityCode']],
    ['too many documents', { documents: Array.from({ length: 101 }, () => ({ kind: 'KTP' })) }, 'PROFILE.TOO_MANY_ITEMS', ['documents']],
    ['an overlong string', { address: { kecamatan: 'x'.repeat(201) } }, 'PROFILE.TOO_LONG', ['address', 'kecamatan']],
  ])('rejects %s', (_label, input, code, path) => {
    if (code === undefined) {
      // 01-01-99 as of 2026-03-01 is 1999-01-01: valid (kept here to show the century rule is used)
      expect(firstCode(input)).toBeUndefined();
      return;
    }
    expect(firstCode(input)).toEqual({ code, path });
  });

  it.each([[null], [[]], ['profile'], [42]])('rejects a non-object (%p) with PROFILE.NOT_AN_OBJECT', (input) => {
    expect(firstCode(input)).toEqual({ code: 'PROFILE.NOT_AN_OBJECT', path: [] });
  });

  it('does not check future dates without asOf, nor maxima without params', () => {
    expect(validateCandidateProfile({ declaredBirthDate: '2099-01-01', epsTopikResults: [{ takenOn: '2099-01-01', score: 201 }] }).ok).toBe(true);
  });

  it('accepts a mistyped NIK with nikCheck TYPE_ONLY (eligibility reports it as a rule failure)', () => {
    expect(validateCandidateProfile({ nik: '367301150695001' }, { asOf: AS_OF, nikCheck: 'TYPE_ONLY' })).toEqual({ ok: true, value: { nik: '367301150695001' } });
    expect(firstCode({ nik: 367301150695001 }, { nikCheck: 'TYPE_ONLY' })).toEqual({ code: 'PROFILE.INVALID_TYPE', path: ['nik'] });
  });

  it('lists every issue and counts them in the first', () => {
    const input = { declaredBirthDate: '2030-01-01', declaredSex: 'X', epsTopikResults: [{ takenOn: '2025-01-01', score: -1 }] };
    const issues = listCandidateProfileIssues(input, { asOf: AS_OF });
    expect(issues.map((i) => i.code)).toEqual(['PROFILE.BIRTH_DATE_IN_FUTURE', 'PROFILE.INVALID_VALUE', 'PROFILE.NEGATIVE_VALUE']);
    const r = validateCandidateProfile(input, { asOf: AS_OF });
    expect(r.ok === false && r.error.details?.['issueCount']).toBe(3);
  });

  it('never echoes submitted values in messages', () => {
    const input = { nik: '367301150695001', declaredBirthDate: '2030-12-24', bpjsNumber: 'SECRET99' };
    const text = JSON.stringify(listCandidateProfileIssues(input, { asOf: AS_OF }));
    for (const v of Object.values(input)) expect(text).not.toContain(v);
  });

  it('throws DATE.INVALID for an invalid asOf option', () => {
    expect(() => validateCandidateProfile({}, { asOf: '2026-13-01' })).toThrow(/DATE.INVALID/);
  });
});

describe('plausible birth dates (identity.birthDate.maxAgeYears)', () => {
  const maxAge = parameterSnapshot('2026-03-01').get('identity.birthDate.maxAgeYears');
  const code = (birth: string, asOf = '2026-03-01'): string | undefined => {
    const r = validateCandidateProfile({ declaredBirthDate: birth }, { asOf });
    return r.ok ? undefined : r.error.code;
  };

  it.each([['0001-01-01'], ['1900-01-01'], ['1926-02-28']])('refuses %s as implausible, with the bound and no value', (birth) => {
    const r = validateCandidateProfile({ declaredBirthDate: birth }, { asOf: '2026-03-01' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'PROFILE.BIRTH_DATE_IMPLAUSIBLE', path: ['declaredBirthDate'], details: { maxAgeYears: maxAge } });
    expect(r.error.message.en).toMatch(/not plausible/);
    expect(r.error.message.id).toMatch(/tidak masuk akal/);
    expect(JSON.stringify(r.error)).not.toContain(birth);
  });

  it('accepts the oldest plausible birth date and refuses the day before (age boundary)', () => {
    expect(maxAge).toBe(99);
    expect(code('1926-03-02')).toBeUndefined(); // 99 on 2026-03-01
    expect(code('1926-03-01')).toBe('PROFILE.BIRTH_DATE_IMPLAUSIBLE'); // 100 on 2026-03-01
    expect(code('2026-03-01')).toBeUndefined(); // born today: not in the future
    expect(code('2026-03-02')).toBe('PROFILE.BIRTH_DATE_IN_FUTURE');
  });

  it('is relative to the as-of date: 1900-01-01 is plausible for a record as of 1990… but no rule covers 1990', () => {
    // before the parameter's coverage (UU 18/2017) no bound applies, as for every other parameter
    expect(code('1900-01-01', '1990-01-01')).toBeUndefined();
    expect(code('1920-01-01', '2018-01-01')).toBeUndefined(); // 98 on 2018-01-01
    expect(code('1918-01-01', '2018-01-01')).toBe('PROFILE.BIRTH_DATE_IMPLAUSIBLE');
  });

  it('takes the bound from the snapshot given (an overlay changes it)', () => {
    const params = parameterSnapshot('2026-03-01', [
      { name: 'strict', description: { id: 'ketat', en: 'strict' }, values: { 'identity.birthDate.maxAgeYears': 60 } },
    ]);
    const r = validateCandidateProfile({ declaredBirthDate: '1960-01-01' }, { asOf: '2026-03-01', params });
    expect(r.ok === false && r.error.code).toBe('PROFILE.BIRTH_DATE_IMPLAUSIBLE');
  });

  it('does not judge a birth date without an as-of date (stored snapshots)', () => {
    expect(validateCandidateProfile({ declaredBirthDate: '0001-01-01' }).ok).toBe(true);
  });
});
