/**
 * A candidate's training (`Candidate.training`): enrolments, attendance, practice scores and readiness
 * for the official Korean test. Whoever may read the candidate reads it (the record rule, checked
 * where the candidate is returned). A member's enrolment (attendance, practice scores in that cohort)
 * is also read by the TRAINERs of the cohort's provider, through the roster (TRAINEE_RULE). Everything
 * loads through the per-request DataLoaders, so a page of candidates costs the same statements as one;
 * the figures are the domain's.
 */
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { wibDateOf } from '../../domain';
import { timestampOf } from '../../clock';
import {
  attendanceIn,
  cohortById,
  enrolmentsOfCandidate,
  latestSeated,
  readinessOf,
  scoresOfCandidate,
  waitlistPositionOf,
} from '../../read-models/training.read-model';
import { PERSONAL_RULE, TRAINEE_RULE } from '../../security/rules';
import type { GatewayContext } from '../context';
import { toAttendanceShareGql, toCohortGql, toEnrolmentGql, toPracticeScoreGql, toReadinessGql } from '../mappers/training.mapper';
import { DateScalar, isoDateOf } from '../scalars';
import { Candidate } from '../types/candidate.type';
import {
  CandidateTraining,
  TrainingAttendanceShareGql,
  TrainingCohort,
  TrainingEnrolment,
  TrainingPracticeScoreGql,
  TrainingReadinessGql,
} from '../types/training.type';

@Resolver(() => Candidate)
export class CandidateTrainingFieldResolver {
  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => CandidateTraining, { description: 'The candidate’s training: enrolments, attendance, practice scores and readiness for the Korean test.' })
  async training(@Root() c: Candidate, @Ctx() ctx: GatewayContext): Promise<CandidateTraining> {
    const [enrolments, scores] = await Promise.all([enrolmentsOfCandidate(ctx).load(c.id), scoresOfCandidate(ctx).load(c.id)]);
    return {
      enrolments: enrolments.map(toEnrolmentGql),
      practiceScores: scores.map(toPracticeScoreGql),
      attendanceRate: null,
      candidateId: c.id,
      route: c.targetRoute,
      openingId: c.openingId,
      storedProfile: c.storedProfile,
    };
  }
}

@Resolver(() => CandidateTraining)
export class CandidateTrainingResolver {
  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => TrainingAttendanceShareGql, {
    nullable: true,
    description: 'Attendance in the latest cohort where the candidate held a seat, under that cohort’s rule (null: never seated). Every cohort’s share is on `attendance` of each enrolment.',
  })
  async attendanceRate(@Root() t: CandidateTraining, @Ctx() ctx: GatewayContext): Promise<TrainingAttendanceShareGql | null> {
    const latest = latestSeated(await enrolmentsOfCandidate(ctx).load(t.candidateId));
    if (!latest) return null;
    const share = await attendanceIn(ctx, latest.cohortId, t.candidateId);
    return share ? toAttendanceShareGql(share) : null;
  }

  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => TrainingReadinessGql, {
    nullable: true,
    description: 'Readiness for the official Korean test today, for the candidate’s route (null: no target route). TRAINING.TEST_DATE_PASSED when the date given is before today.',
  })
  async readiness(
    @Root() t: CandidateTraining,
    @Ctx() ctx: GatewayContext,
    @Arg('nextOfficialTestDate', () => DateScalar, { nullable: true, description: 'The next official test date, when announced (an input: no source lists them).' })
    nextOfficialTestDate?: Date,
  ): Promise<TrainingReadinessGql | null> {
    if (!t.route) return null;
    const asOf = wibDateOf(timestampOf(ctx.clock));
    const next = nextOfficialTestDate ? isoDateOf(nextOfficialTestDate) : null;
    const readiness = await readinessOf(ctx, { candidateId: t.candidateId, route: t.route, profile: t.storedProfile, openingId: t.openingId }, asOf, next);
    return toReadinessGql(readiness);
  }
}

@Resolver(() => TrainingEnrolment)
export class TrainingEnrolmentResolver {
  @Authorized(...TRAINEE_RULE)
  @FieldResolver(() => Int, { nullable: true, description: '1-based place on the waitlist (null unless WAITLISTED).' })
  async waitlistPosition(@Root() e: TrainingEnrolment, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return waitlistPositionOf(ctx, e);
  }

  @Authorized(...TRAINEE_RULE)
  @FieldResolver(() => TrainingAttendanceShareGql, {
    nullable: true,
    description: 'The member’s attendance share over every session of the cohort, under the cohort’s rule (null while waitlisted without ever holding a seat).',
  })
  async attendance(@Root() e: TrainingEnrolment, @Ctx() ctx: GatewayContext): Promise<TrainingAttendanceShareGql | null> {
    if (e.seatedAt === null) return null;
    const share = await attendanceIn(ctx, e.cohortId, e.candidateId);
    return share ? toAttendanceShareGql(share) : null;
  }

  @Authorized(...TRAINEE_RULE)
  @FieldResolver(() => [TrainingPracticeScoreGql], {
    description: 'The member’s practice scores recorded in this cohort, in the order recorded (scores from other cohorts are on `Candidate.training.practiceScores`).',
  })
  async practiceScores(@Root() e: TrainingEnrolment, @Ctx() ctx: GatewayContext): Promise<TrainingPracticeScoreGql[]> {
    return (await scoresOfCandidate(ctx).load(e.candidateId)).filter((s) => s.cohortId === e.cohortId).map(toPracticeScoreGql);
  }

  @Authorized(...TRAINEE_RULE)
  @FieldResolver(() => TrainingCohort, { nullable: true, description: 'The cohort.' })
  async cohort(@Root() e: TrainingEnrolment, @Ctx() ctx: GatewayContext): Promise<TrainingCohort | null> {
    const r = await cohortById(ctx).load(e.cohortId);
    return r ? toCohortGql(r) : null;
  }
}
