/**
 * enrollCandidate: a candidate asks for a place in a cohort (ENROLLING). The domain answers ENROLLED
 * while seats remain and WAITLISTED after that, in arrival order; arrival order is the order in which
 * the calls get the cohort's row lock (training-writes.ts), so 30 concurrent calls into 20 seats give
 * 20 ENROLLED and waitlist positions 1…10. Refused: a candidate outside Kota Serang
 * (`TRAINING.CANDIDATE_NOT_RESIDENT`, the gateway's own check: the program trains the city's residents),
 * and a second active enrolment in a course of the same kind (`checkOneActiveEnrolmentPerKind`, read
 * with the candidate's row locked). A seat moves the candidate to TRAINING when the domain says so.
 */
import { checkOneActiveEnrolmentPerKind, decideKotaSerangResidency, stageChangeForEnrolment, type EnrolmentStageChange, type EnrolResult } from '../domain';
import { TrainingEnrolmentRecord, type TrainingCohortRecord } from '../persistence/training.schema';
import { followEnrolmentOnStage, lockCandidate, lockCohort, writeCohort } from './training-writes';
import { inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { inconsistent, rejected, unwrap } from './use-case-error';

export interface EnrollCandidateCommand {
  readonly cohortId: string;
  readonly candidateId: string;
  readonly note: string | null;
}

export interface EnrolmentOutcome extends EnrolResult {
  readonly cohort: TrainingCohortRecord;
  readonly enrolment: TrainingEnrolmentRecord;
  /** What the enrolment did to the candidate's stage (ADVANCE to TRAINING, or NONE with the reason). */
  readonly stageChange: EnrolmentStageChange;
}

function notResident(code: string) {
  return rejected(
    'BAD_USER_INPUT',
    {
      id: 'Pelatihan program ini hanya untuk warga Kota Serang (alamat KTP/KK di Kota Serang).',
      en: 'Training under this program is for residents of Kota Serang only (a KTP/KK address in Kota Serang).',
    },
    { field: ['candidateId'], domainCode: 'TRAINING.CANDIDATE_NOT_RESIDENT', details: { residency: code } },
  );
}

export function enrollCandidate(command: EnrollCandidateCommand, deps: UseCaseDeps): Promise<EnrolmentOutcome> {
  return inTransaction(deps, async (em) => {
    const { rows, cohort } = await lockCohort(em, command.cohortId, ['cohortId']);
    const candidate = await lockCandidate(em, command.candidateId, ['candidateId']);
    const residency = decideKotaSerangResidency(candidate.candidate.profile.address);
    if (residency.status === 'NOT_RESIDENT') throw notResident(residency.code);
    const others = await em.find(TrainingEnrolmentRecord, { candidateId: command.candidateId }, { fields: ['cohortId', 'courseKind', 'status'] });
    unwrap(checkOneActiveEnrolmentPerKind(others, rows.cohort.courseKind, cohort.id), []);
    const before = cohort.toSnapshot();
    const at = nowTimestamp(deps);
    const result = unwrap(cohort.enrol(command.candidateId, { at, actor: deps.actor, note: command.note }), []);
    const written = await writeCohort(em, deps, rows, cohort, { action: 'enrollCandidate', before });
    const enrolment = written.enrolments.find((e) => e.candidateId === command.candidateId);
    if (!enrolment) throw inconsistent();
    const stageChange =
      result.status === 'ENROLLED'
        ? await followEnrolmentOnStage(em, deps, candidate, { at, note: command.note, action: 'enrollCandidate' })
        : stageChangeForEnrolment(candidate.candidate.stage, 'WAITLISTED');
    await em.flush();
    return { ...result, cohort: written.cohort, enrolment, stageChange };
  });
}
