import { CANDIDATE_STAGES } from '../entities/candidate-stage';
import { checkOneActiveEnrolmentPerKind, checkTrainingCompleted, stageChangeForEnrolment, type CandidateEnrolmentRef } from './enrolment-rules';
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
