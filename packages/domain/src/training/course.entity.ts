/**
 * Course: what a training provider teaches (issue 10). It has a provider (a party of kind
 * TRAINING_PROVIDER; an LPK states its licence number and validity), a kind (KOREAN_LANGUAGE, SKILL,
 * SAFETY, ORIENTATION), a target (course-target.ts), hours, a fee in IDR and the provider's published
 * attendance rule (attendance-share.ts), which is entered per course: there is no default, and a
 * course without one is refused (`TRAINING.ATTENDANCE_RULE_REQUIRED`). `hasFinalAssessment` says
 * whether completing also needs a passed final assessment.
 *
 * A course does not change after creation: a provider that publishes a new fee or rule gets a new
 * course record, and each cohort keeps a copy of the rule it was opened under (cohort.entity.ts).
 */
import { err, ok, type Messages, type Result } from '../shared/domain-error';
import { compareDates, type IsoDate } from '../shared/local-date';
import { isMoney, type Money } from '../money/money';
import { isRatioString, ratio, ratioCompare, RATIO_ONE, RATIO_ZERO } from '../money/ratio';
import type { ParameterSnapshot } from '../parameters';
import {
  checkBoolean,
  checkDate,
  checkEnum,
  checkId,
  checkInteger,
  checkMessages,
  checkNullableDate,
  checkNullableText,
  checkObject,
  checkText,
  cloneData,
  ENTITY_MAX_TEXT_LENGTH,
  FieldChecks,
  restoreOrThrow,
  type Path,
} from '../entities/entity-validation';
import type { Party } from '../entities/party.entity';
import type { AttendanceRule } from './attendance-share';
import { takeCourseTarget, targetKindProblem, targetScaleProblem, type CourseTarget } from './course-target';
import { COURSE_KINDS, EXCUSED_ABSENCE_POLICIES, TRAINING_PROVIDER_TYPES, type CourseKind, type TrainingProviderType } from './training-vocabulary';
import { TrainingErrors } from './training.errors';

const AREA = 'TRAINING';
/** Sanity cap on a course's hours (not a policy figure; KIOTEC's longest part is 340 h). */
export const COURSE_MAX_HOURS = 10_000;

export interface LpkLicence {
  readonly number: string;
  readonly validFrom: IsoDate;
  /** Last day of validity; null when the licence states none. */
  readonly validUntil: IsoDate | null;
}

export interface CourseProvider {
  readonly partyId: string;
  readonly type: TrainingProviderType;
  /** Required for an LPK, absent (null) for the others. */
  readonly licence: LpkLicence | null;
}

export interface CourseSnapshot {
  readonly id: string;
  readonly title: Messages;
  readonly kind: CourseKind;
  readonly provider: CourseProvider;
  readonly target: CourseTarget | null;
  readonly hours: number;
  /** In IDR, whole rupiah, not negative. */
  readonly fee: Money;
  readonly attendanceRule: AttendanceRule;
  readonly hasFinalAssessment: boolean;
  readonly note: string | null;
}

export interface CreateCourseInput {
  readonly id: string;
  readonly title: Messages;
  readonly kind: CourseKind;
  readonly provider: Party;
  readonly providerType: TrainingProviderType;
  readonly licence?: LpkLicence | null;
  readonly target: CourseTarget | null;
  readonly hours: number;
  readonly fee: Money;
  /** The provider's published rule; required (no default). */
  readonly attendanceRule: AttendanceRule;
  readonly hasFinalAssessment: boolean;
  readonly note?: string | null;
}

function takeLicence(v: FieldChecks, input: unknown, path: Path): LpkLicence | null {
  if (input === null || input === undefined) return null;
  const o = v.take(checkObject(AREA, input, path, ['number', 'validFrom', 'validUntil']));
  if (v.failed) return null;
  const licence = {
    number: v.take(checkText(AREA, o['number'], [...path, 'number'], 100)),
    validFrom: v.take(checkDate(AREA, o['validFrom'], [...path, 'validFrom'])),
    validUntil: v.take(checkNullableDate(AREA, o['validUntil'], [...path, 'validUntil'])),
  };
  if (!v.failed && licence.validUntil !== null && compareDates(licence.validUntil, licence.validFrom) < 0) {
    v.problem(TrainingErrors.datesOutOfOrder([...path, 'validUntil']));
  }
  return licence;
}

/** Check an attendance rule's shape; a missing rule is `TRAINING.ATTENDANCE_RULE_REQUIRED`. */
export function takeAttendanceRule(v: FieldChecks, input: unknown, path: Path): AttendanceRule {
  if (input === null || input === undefined) {
    v.problem({ ...TrainingErrors.attendanceRuleRequired(), path });
    return undefined as unknown as AttendanceRule;
  }
  const o = v.take(checkObject(AREA, input, path, ['requiredShare', 'excused', 'statedBy']));
  if (v.failed) return undefined as unknown as AttendanceRule;
  const share = o['requiredShare'];
  if (share === undefined || share === null) v.problem({ ...TrainingErrors.attendanceRuleRequired(), path: [...path, 'requiredShare'] });
  else if (!isRatioString(share) || ratioCompare(ratio(share), RATIO_ZERO) <= 0 || ratioCompare(ratio(share), RATIO_ONE) > 0) {
    v.problem(TrainingErrors.attendanceRuleInvalid([...path, 'requiredShare']));
  }
  const excused = v.take(checkEnum(AREA, EXCUSED_ABSENCE_POLICIES, o['excused'], [...path, 'excused']));
  const statedBy = v.take(checkText(AREA, o['statedBy'], [...path, 'statedBy'], 500));
  return { requiredShare: share as string, excused, statedBy };
}

function takeFee(v: FieldChecks, input: unknown): Money {
  if (!isMoney(input) || input.currency !== 'IDR' || input.amount < 0) {
    v.problem(TrainingErrors.feeInvalid());
    return undefined as unknown as Money;
  }
  return Object.freeze({ amount: input.amount, currency: input.currency });
}

const FIELDS = ['id', 'title', 'kind', 'provider', 'target', 'hours', 'fee', 'attendanceRule', 'hasFinalAssessment', 'note'];

function validateCourse(input: unknown): Result<CourseSnapshot> {
  const v = new FieldChecks();
  const o = v.take(checkObject(AREA, input, [], FIELDS));
  if (v.failed) return err(v.error);
  const id = v.take(checkId(AREA, o['id'], ['id']));
  const title = v.take(checkMessages(AREA, o['title'], ['title'], 500));
  const kind = v.take(checkEnum(AREA, COURSE_KINDS, o['kind'], ['kind']));
  const p = v.take(checkObject(AREA, o['provider'], ['provider'], ['partyId', 'type', 'licence']));
  if (v.failed) return err(v.error);
  const provider: CourseProvider = {
    partyId: v.take(checkId(AREA, p['partyId'], ['provider', 'partyId'])),
    type: v.take(checkEnum(AREA, TRAINING_PROVIDER_TYPES, p['type'], ['provider', 'type'])),
    licence: takeLicence(v, p['licence'], ['provider', 'licence']),
  };
  const target = takeCourseTarget(v, o['target'], ['target']);
  const hours = v.take(checkInteger(AREA, o['hours'], ['hours'], 1, COURSE_MAX_HOURS));
  const fee = takeFee(v, o['fee']);
  const attendanceRule = takeAttendanceRule(v, o['attendanceRule'], ['attendanceRule']);
  const hasFinalAssessment = v.take(checkBoolean(AREA, o['hasFinalAssessment'], ['hasFinalAssessment']));
  const note = v.take(checkNullableText(AREA, o['note'], ['note'], ENTITY_MAX_TEXT_LENGTH));
  if (v.failed) return err(v.error);
  if (provider.type === 'LPK' && provider.licence === null) return err(TrainingErrors.licenceRequired());
  if (provider.type !== 'LPK' && provider.licence !== null) return err(TrainingErrors.licenceNotApplicable());
  const mismatch = targetKindProblem(kind, target);
  if (mismatch) return err(mismatch);
  return ok({ id, title, kind, provider, target, hours, fee, attendanceRule, hasFinalAssessment, note });
}

export class Course {
  private readonly props: CourseSnapshot;

  private constructor(props: CourseSnapshot) {
    this.props = props;
  }

  /**
   * Create a course. The provider must be a party of kind TRAINING_PROVIDER; the target's score or
   * level is checked on the official scale of `params`. Failures: `TRAINING.*` codes with the path.
   */
  static create(input: CreateCourseInput, params: ParameterSnapshot): Result<Course> {
    if (typeof input !== 'object' || input === null) return err({ ...TrainingErrors.providerNotTrainingProvider(), path: [] });
    const party = input.provider as Party | undefined;
    if (typeof party !== 'object' || party === null || party.kind !== 'TRAINING_PROVIDER') return err(TrainingErrors.providerNotTrainingProvider());
    const { provider: _provider, providerType, licence, ...rest } = input;
    const r = validateCourse({ ...rest, note: rest.note ?? null, provider: { partyId: party.id, type: providerType, licence: licence ?? null } });
    if (!r.ok) return r;
    const scale = targetScaleProblem(r.value.target, params);
    return scale ? err(scale) : ok(new Course(r.value));
  }

  /** Rebuild from a stored snapshot; throws `DomainError` (`TRAINING.*`) when the record is corrupt. */
  static fromSnapshot(snapshot: CourseSnapshot): Course {
    return new Course(restoreOrThrow(validateCourse(snapshot)));
  }

  get id(): string {
    return this.props.id;
  }
  get kind(): CourseKind {
    return this.props.kind;
  }
  get title(): Messages {
    return { ...this.props.title };
  }
  get provider(): CourseProvider {
    return cloneData(this.props.provider);
  }
  get target(): CourseTarget | null {
    return cloneData(this.props.target);
  }
  get hours(): number {
    return this.props.hours;
  }
  get fee(): Money {
    return this.props.fee;
  }
  get attendanceRule(): AttendanceRule {
    return { ...this.props.attendanceRule };
  }
  get hasFinalAssessment(): boolean {
    return this.props.hasFinalAssessment;
  }

  /** True when the provider needs no licence (not an LPK), or the LPK's licence is valid on every day from `from` to `to`. */
  licenceCovers(from: IsoDate, to: IsoDate): boolean {
    const l = this.props.provider.licence;
    if (this.props.provider.type !== 'LPK') return true;
    return l !== null && compareDates(l.validFrom, from) <= 0 && (l.validUntil === null || compareDates(to, l.validUntil) <= 0);
  }

  toSnapshot(): CourseSnapshot {
    return cloneData(this.props);
  }
}
