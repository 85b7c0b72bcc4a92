import { unwrap } from '../shared/domain-error';
import { money } from '../money';
import { Party } from '../entities/party.entity';
import { Course } from './course.entity';
import { koreanCourse, koreanCourseInput, params, uid } from './__tests__/fixtures';

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error!.code);

describe('Course', () => {
  it('creates a course and restores it from its snapshot', () => {
    const c = koreanCourse();
    expect(c.kind).toBe('KOREAN_LANGUAGE');
    expect(c.attendanceRule).toEqual({ requiredShare: '4/5', excused: 'EXCLUDED', statedBy: 'LPK regulation 2026, art. 4' });
    const back = Course.fromSnapshot(c.toSnapshot());
    expect(back.toSnapshot()).toEqual(c.toSnapshot());
  });

  it('never invents an attendance rule', () => {
    const input = koreanCourseInput();
    expect(codeOf(Course.create({ ...input, attendanceRule: undefined as never }, params))).toBe('TRAINING.ATTENDANCE_RULE_REQUIRED');
    expect(codeOf(Course.create({ ...input, attendanceRule: { excused: 'EXCLUDED', statedBy: 'x' } as never }, params))).toBe('TRAINING.ATTENDANCE_RULE_REQUIRED');
    expect(codeOf(Course.create({ ...input, attendanceRule: { requiredShare: '0', excused: 'EXCLUDED', statedBy: 'x' } }, params))).toBe('TRAINING.ATTENDANCE_RULE_INVALID');
  });

  it('needs a training provider, and a licence exactly for an LPK', () => {
    const bank = unwrap(Party.create({ id: uid(11), kind: 'BANK', name: 'Bank', country: 'ID' }));
    expect(codeOf(Course.create(koreanCourseInput({ provider: bank }), params))).toBe('TRAINING.PROVIDER_NOT_TRAINING_PROVIDER');
    expect(codeOf(Course.create(koreanCourseInput({ licence: null }), params))).toBe('TRAINING.LICENCE_REQUIRED');
    expect(codeOf(Course.create(koreanCourseInput({ providerType: 'BBPVP' }), params))).toBe('TRAINING.LICENCE_NOT_APPLICABLE');
    expect(codeOf(Course.create(koreanCourseInput({ providerType: 'BBPVP', licence: null }), params))).toBe('OK');
  });

  it('checks the licence dates', () => {
    const c = koreanCourse();
    expect(c.licenceCovers('2026-01-01', '2027-12-31')).toBe(true);
    expect(c.licenceCovers('2027-12-01', '2028-01-31')).toBe(false);
    expect(codeOf(Course.create(koreanCourseInput({ licence: { number: 'x', validFrom: '2027-01-01', validUntil: '2026-01-01' } }), params))).toBe('TRAINING.DATES_OUT_OF_ORDER');
  });

  it('matches the target to the kind', () => {
    expect(codeOf(Course.create(koreanCourseInput({ target: { kind: 'SKILL_CERTIFICATE', certifier: 'KOSHIPA', occupation: 'WELDER', qualification: null } }), params))).toBe(
      'TRAINING.TARGET_MISMATCH',
    );
    expect(codeOf(Course.create(koreanCourseInput({ kind: 'SAFETY' }), params))).toBe('TRAINING.TARGET_MISMATCH');
    expect(codeOf(Course.create(koreanCourseInput({ kind: 'SAFETY', target: null }), params))).toBe('OK');
    const welding = koreanCourseInput({ kind: 'SKILL', hours: 340, target: { kind: 'SKILL_CERTIFICATE', certifier: 'KOSHIPA', occupation: 'WELDER', qualification: 'FCAW 3G (X-ray)' } });
    expect(codeOf(Course.create(welding, params))).toBe('OK');
  });

  it('checks Korean targets on the official scales', () => {
    expect(codeOf(Course.create(koreanCourseInput({ target: { kind: 'EPS_TOPIK', score: 200 } }), params))).toBe('OK');
    expect(codeOf(Course.create(koreanCourseInput({ target: { kind: 'EPS_TOPIK', score: 201 } }), params))).toBe('TRAINING.SCORE_OUT_OF_SCALE');
    expect(codeOf(Course.create(koreanCourseInput({ target: { kind: 'TOPIK', test: 'TOPIK_I', level: 2 } }), params))).toBe('OK');
    expect(codeOf(Course.create(koreanCourseInput({ target: { kind: 'TOPIK', test: 'TOPIK_II', level: 2 } }), params))).toBe('TRAINING.SCORE_OUT_OF_SCALE');
    expect(codeOf(Course.create(koreanCourseInput({ target: { kind: 'PILOT_KOREAN', level: 7 } }), params))).toBe('TRAINING.SCORE_OUT_OF_SCALE');
  });

  it('takes the fee in rupiah, not negative', () => {
    expect(codeOf(Course.create(koreanCourseInput({ fee: money(2800, 'USD') }), params))).toBe('TRAINING.FEE_INVALID');
    expect(codeOf(Course.create(koreanCourseInput({ fee: money(-1, 'IDR') }), params))).toBe('TRAINING.FEE_INVALID');
  });

  it('refuses a corrupt snapshot', () => {
    const s = koreanCourse().toSnapshot();
    expect(() => Course.fromSnapshot({ ...s, hours: 0 })).toThrow(/TRAINING/);
    expect(() => Course.fromSnapshot({ ...s, provider: { ...s.provider, licence: null } })).toThrow(/TRAINING.LICENCE_REQUIRED/);
  });
});
