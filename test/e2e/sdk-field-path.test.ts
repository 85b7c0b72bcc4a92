/**
 * The field path of an input error, from the live gateway through the SDK: the gateway sends
 * `extensions.field` as segments (`["input", "profile", "nik"]`), and the SDK gives `e.field`
 * (dotted, for a form to mark its input) and `e.fieldPath` (the segments).
 */
import { isJembatanError, type AnyJembatanError } from '@jembatan/sdk';
import { clientAs, hasAccessControl, todayWib } from './support/live';
import { eligibleWelder, freshNik } from './support/program';

async function failure(promise: Promise<unknown>): Promise<AnyJembatanError> {
  try {
    await promise;
  } catch (e) {
    if (isJembatanError(e)) return e;
    throw new Error(`expected a JembatanError, got ${e instanceof Error ? e.stack : String(e)}`);
  }
  throw new Error('expected the call to fail');
}

const officer = () => clientAs(hasAccessControl() ? 'OFFICER' : 'PUBLIC');

describe('the input field of an error, from the live gateway', () => {
  it('NIK_INVALID names input.profile.nik: e.field dotted, e.fieldPath as segments', async () => {
    const e = await failure(officer().candidates.register({ profile: { nik: '3673011203' } }));
    expect(e.code).toBe('NIK_INVALID');
    expect(e.field).toBe('input.profile.nik');
    expect(e.fieldPath).toEqual(['input', 'profile', 'nik']);
    expect(e.graphQLErrors[0]).toMatchObject({ field: 'input.profile.nik', fieldPath: ['input', 'profile', 'nik'], path: ['registerCandidate'] });
    // what the gateway sent, as sent: segments, which the SDK used to drop
    expect(e.graphQLErrors[0]?.extensions.field).toEqual(['input', 'profile', 'nik']);
    expect(e.toJSON()).toMatchObject({ field: 'input.profile.nik', fieldPath: ['input', 'profile', 'nik'] });
  });

  it('a NIK whose birth date cannot be one names the same field', async () => {
    // day 99 in digits 7–12: no date, for a man or (day − 40) a woman
    const e = await failure(officer().candidates.register({ profile: { nik: '3673019913990002' } }));
    expect(e.code).toBe('NIK_INVALID');
    expect([e.field, e.fieldPath]).toEqual(['input.profile.nik', ['input', 'profile', 'nik']]);
  });

  it('CONFLICT for a NIK registered twice names it too', async () => {
    const nik = freshNik();
    const today = todayWib();
    await officer().candidates.register({ profile: eligibleWelder(nik, today), targetRoute: 'E7_3', targetOccupation: 'WELDER' });
    const e = await failure(officer().candidates.register({ profile: eligibleWelder(nik, today) }));
    expect(e.code).toBe('CONFLICT');
    expect(e.fieldPath).toEqual(['input', 'profile', 'nik']);
    expect(e.field).toBe('input.profile.nik');
  });
});
