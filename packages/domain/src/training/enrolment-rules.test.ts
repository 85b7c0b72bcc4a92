import { CANDIDATE_STAGES } from '../entities/candidate-stage';
import fc from 'fast-check';
import { checkOneActiveEnrolmentPerKind, checkTrainingCompleted, decideTrainingExit, stageChangeForEnrolment, type CandidateEnrolmentRef, type TrainingRecordRef } from './enrolment-rules';
import { ENROLMENT_STATUSES } from './training-vocabulary';
import { uid } from './__tests__/fixtures';

const ref = (n: number, courseKind: CandidateEnrolmentRef['courseKind'], status: CandidateEnrolmentRef['status']): CandidateEnrolmentRef => ({ cohortId: uid(n), courseKind, status });

describe('one active enrolment per course kind', () => {
  it('refuses a second active enrolment of the same kind, in another cohort', () => {
    const mine = [ref(1, 'KOREAN_LANGUAGE', 'WAITLISTED'), ref(2, 'SKILL', 'COMPLETED')];
    const r = checkOneActiveEnrolmentPerKind(mine, 'KOREAN_LANGUAGE');
    expect(r.ok ? null : [r.error.code, r.error.details?.['cohortId']]).toEqual(['TRAINING.ALREADY_ENROLLED_IN_KIND', uid(1)]);
    expect(checkOneActiveEnrolmentPerKind(mine, 'SKILL').ok).toBe(true);
    expect(checkOneActiveEnrolmentPerKind(mine, 'KOREAN_LANGUAGE', uid(1)).ok).toBe(true);
  });

  it.each(['WITHDRAWN', 'DROPPED', 'COMPLETED', 'FAILED', 'CANCELLED'] as const)('a %s enrolment is not active', (status) => {
    expect(checkOneActiveEnrolmentPerKind([ref(1, 'SAFETY', status)], 'SAFETY').ok).toBe(true);
  });
});

describe('stage change implied by an enrolment', () => {
  it('moves a SELECTED candidate with a seat to TRAINING, and no one else', () => {
    const changes = Object.fromEntries(CANDIDATE_STAGES.map((s) => [s, stageChangeForEnrolment(s, 'ENROLLED')]));
    expect(changes['SELECTED']).toMatchObject({ change: 'ADVANCE', from: 'SELECTED', to: 'TRAINING' });
    expect(CANDIDATE_STAGES.filter((s) => changes[s]!.change === 'ADVANCE')).toEqual(['SELECTED']);
    expect(changes['REGISTERED']).toMatchObject({ change: 'NONE', reason: 'NOT_SELECTED_YET' });
    expect(changes['TRAINING']).toMatchObject({ change: 'NONE', reason: 'ALREADY_IN_TRAINING' });
    expect(changes['TESTING']).toMatchObject({ change: 'NONE', reason: 'PAST_TRAINING' });
    expect(changes['DEPARTED']).toMatchObject({ change: 'NONE', reason: 'STAGE_CLOSED' });
  });

  it('a waitlisted enrolment holds no seat and moves nothing', () => {
    expect(stageChangeForEnrolment('SELECTED', 'WAITLISTED')).toMatchObject({ change: 'NONE', reason: 'WAITLISTED' });
  });
});

describe('training completion gate', () => {
  it('needs a COMPLETED enrolment of each required kind', () => {
    const mine = [ref(1, 'KOREAN_LANGUAGE', 'COMPLETED'), ref(2, 'SKILL', 'FAILED'), ref(3, 'SKILL', 'ENROLLED')];
    const r = checkTrainingCompleted(mine, ['KOREAN_LANGUAGE', 'SKILL', 'SAFETY']);
    expect(r.ok ? null : [r.error.code, r.error.details?.['missingKinds']]).toEqual(['TRAINING.COMPLETION_REQUIRED', 'SKILL,SAFETY']);
    expect(checkTrainingCompleted(mine, ['KOREAN_LANGUAGE']).ok).toBe(true);
  });
});

describe('leaving TRAINING uses completion', () => {
  const KOREAN = { id: 'Bahasa Korea EPS-TOPIK', en: 'Korean for EPS-TOPIK' };
  const WELDING = { id: 'Las FCAW', en: 'FCAW welding' };
  const rec = (n: number, status: TrainingRecordRef['status'], over: Partial<TrainingRecordRef> = {}): TrainingRecordRef => ({
    cohortId: uid(n),
    courseKind: 'KOREAN_LANGUAGE',
    status,
    courseId: uid(900 + n),
    courseTitle: KOREAN,
    cohortStatus: status === 'ENROLLED' || status === 'WAITLISTED' ? 'RUNNING' : 'COMPLETED',
    seated: status !== 'WAITLISTED' && status !== 'CANCELLED',
    ...over,
  });
  const gate = (records: TrainingRecordRef[], from: Parameters<typeof decideTrainingExit>[0] = 'TRAINING', to: Parameters<typeof decideTrainingExit>[1] = 'TESTING') => {
    const r = decideTrainingExit(from, to, records);
    return r.ok ? r.value.gate : [r.error.code, r.error.details?.['reason'], r.error.details?.['courseIds']];
  };

  it('a candidate with no seat ever keeps the gates of before', () => {
    expect(gate([])).toBe('NO_TRAINING_RECORD');
    expect(gate([rec(1, 'WAITLISTED'), rec(2, 'CANCELLED')])).toBe('NO_TRAINING_RECORD');
  });

  it('needs one COMPLETED course and none still open, and names the courses', () => {
    expect(gate([rec(1, 'COMPLETED')])).toBe('COMPLETED');
    expect(gate([rec(1, 'COMPLETED'), rec(2, 'FAILED', { courseTitle: WELDING, courseKind: 'SKILL' }), rec(3, 'WAITLISTED', { courseKind: 'SAFETY' })])).toBe('COMPLETED');
    expect(gate([rec(1, 'COMPLETED'), rec(2, 'ENROLLED', { courseTitle: WELDING, courseKind: 'SKILL' })])).toEqual(['TRAINING.NOT_COMPLETED', 'IN_PROGRESS', uid(902)]);
    // awaiting the final assessment in a COMPLETED cohort is still open
    expect(gate([rec(1, 'ENROLLED', { cohortStatus: 'COMPLETED' })])).toEqual(['TRAINING.NOT_COMPLETED', 'IN_PROGRESS', uid(901)]);
    expect(gate([rec(1, 'FAILED'), rec(2, 'DROPPED', { courseTitle: WELDING }), rec(3, 'WITHDRAWN')])).toEqual(['TRAINING.NOT_COMPLETED', 'NONE_COMPLETED', [uid(901), uid(902), uid(903)].join(',')]);
    const r = decideTrainingExit('TRAINING', 'TESTING', [rec(1, 'FAILED'), rec(2, 'DROPPED', { courseTitle: WELDING })]);
    expect(r.ok ? null : [r.error.message.id.includes('Las FCAW'), r.error.message.en.includes('Korean for EPS-TOPIK; FCAW welding'), r.error.path]).toEqual([true, true, ['to']]);
  });

  it('gates only TRAINING → TESTING', () => {
    const failed = [rec(1, 'FAILED')];
    expect(gate(failed, 'TRAINING', 'WITHDRAWN')).toBe('NOT_APPLICABLE');
    expect(gate(failed, 'TRAINING', 'REJECTED')).toBe('NOT_APPLICABLE');
    expect(gate(failed, 'SELECTED', 'TRAINING')).toBe('NOT_APPLICABLE');
    expect(gate(failed, 'TESTING', 'MEDICAL')).toBe('NOT_APPLICABLE');
  });

  it('allows the move exactly when a course is COMPLETED and no seat is open (property)', () => {
    const record = fc.record({ status: fc.constantFrom(...ENROLMENT_STATUSES), seated: fc.boolean() });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), (xs) => {
        // a waitlisted enrolment never held a seat; an ENROLLED or COMPLETED one always did
        const records = xs.map((x, i) => rec(i + 1, x.status, { seated: x.status === 'WAITLISTED' ? false : x.status === 'ENROLLED' || x.status === 'COMPLETED' ? true : x.seated }));
        const r = decideTrainingExit('TRAINING', 'TESTING', records);
        const held = records.filter((x) => x.seated);
        const expected = held.length === 0 || (held.some((x) => x.status === 'COMPLETED') && !held.some((x) => x.status === 'ENROLLED'));
        expect(r.ok).toBe(expected);
      }),
    );
  });

  it('refuses malformed records', () => {
    expect(() => decideTrainingExit('TRAINING', 'TESTING', [{ ...rec(1, 'COMPLETED'), courseTitle: null as never }])).toThrow(/TRAINING.INVALID_VALUE/);
    expect(() => decideTrainingExit('TRAINING', 'NOWHERE' as never, [])).toThrow(/TRAINING.INVALID_VALUE/);
  });
});
