/**
 * The GraphQL shape of `trainingAggregates` (issue 10): cohort fill, completion, attendance and
 * practice / official pass rates, per cohort, per provider, per kecamatan and in total, each figure
 * under the disclosure control of issue 8 (types/disclosure.type.ts). The counts are defined in
 * read-models/training-aggregates.read-model.ts; the descriptions below say the same in short.
 */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { TrainingAggregateLevel } from '../../read-models/training-aggregates.read-model';
import { DateScalar } from '../scalars';
import { Disclosure } from './disclosure.type';

export const TrainingAggregateLevelEnum: { readonly [L in TrainingAggregateLevel]: L } = { COHORT: 'COHORT', PROVIDER: 'PROVIDER', KECAMATAN: 'KECAMATAN', TOTAL: 'TOTAL' };
registerEnumType(TrainingAggregateLevelEnum, {
  name: 'TrainingAggregateLevel',
  description: 'What a row of the training aggregates groups: one cohort, one provider’s cohorts, one kecamatan’s cohorts, or every cohort selected.',
  valuesConfig: {
    COHORT: { description: 'One cohort.' },
    PROVIDER: { description: 'Every selected cohort of one training provider.' },
    KECAMATAN: { description: 'Every selected cohort meeting in one kecamatan (the venue’s).' },
    TOTAL: { description: 'Every selected cohort.' },
  },
});

const SUPPRESSED =
  'True when the figure is withheld (protected view: ANALYST, PARTNER, TRAINER): the counts and the rate are null, never 0. A cohort figure is withheld when the people it counts number 1 to minCellCount − 1; a rate also when its numerator or the rest of its denominator does; a provider, kecamatan or total figure also whenever one cohort figure it adds up is withheld (so no subtraction reveals one).';

@ObjectType('TrainingFill', { description: 'Cohort fill: seats held against capacity.' })
export class TrainingFillGql {
  @Field(() => Int, { description: 'Seats (the cohorts’ capacity; seats, not people: always published).' }) capacity!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'Seats held on the reference date: enrolments seated by then that had not been WITHDRAWN, DROPPED or CANCELLED by then (COMPLETED and FAILED members keep their seat). Null when suppressed.',
  })
  seatsHeld!: number | null;
  @Field(() => String, { nullable: true, description: 'seatsHeld / capacity, a decimal with 4 digits (half-even). Null when suppressed.' }) rate!: string | null;
  @Field(() => Boolean, { description: SUPPRESSED }) suppressed!: boolean;
}

@ObjectType('TrainingRate', { description: 'A share of people: numerator / denominator, both counts of enrolments (a person in a cohort).' })
export class TrainingRateGql {
  @Field(() => Int, { nullable: true, description: 'The people the rate is over (see the field of the row for who counts). Null when suppressed.' }) denominator!: number | null;
  @Field(() => Int, { nullable: true, description: 'Of which the ones that count for the rate. Null when suppressed.' }) numerator!: number | null;
  @Field(() => String, { nullable: true, description: 'numerator / denominator, a decimal with 4 digits (half-even); null when suppressed or when the denominator is 0.' }) rate!: string | null;
  @Field(() => Boolean, { description: SUPPRESSED }) suppressed!: boolean;
}

@ObjectType('TrainingAttendanceRate', {
  description:
    'Attendance over recorded sessions: attended / counted marks (member-sessions), each cohort’s marks counted under its own excused-absence rule: COUNTS_AS_PRESENT (EXCUSED attended and counted), EXCLUDED (EXCUSED neither), COUNTS_AS_ABSENT (EXCUSED counted, not attended). PRESENT is attended and counted; ABSENT counted only. Sessions count when held on or before the reference date and their class record was made by then.',
})
export class TrainingAttendanceRateGql {
  @Field(() => Int, { nullable: true, description: 'Members with at least one counted mark: the people the rate is over. Null when suppressed.' }) people!: number | null;
  @Field(() => Int, { nullable: true, description: 'Marks that count as attended. Null when suppressed.' }) attended!: number | null;
  @Field(() => Int, { nullable: true, description: 'Marks that count. Null when suppressed.' }) counted!: number | null;
  @Field(() => String, { nullable: true, description: 'attended / counted, a decimal with 4 digits (half-even); null when suppressed or nothing counts yet.' }) rate!: string | null;
  @Field(() => Boolean, {
    description:
      'True when withheld (protected view): fewer than minCellCount members have a counted mark in the cohort, or (provider, kecamatan, total) one cohort it adds up is withheld. The rate is an average over at least minCellCount people, like the stage durations’ average.',
  })
  suppressed!: boolean;
}

@ObjectType('TrainingAggregateRow', { description: 'The training figures of one cohort, provider, kecamatan, or every selected cohort.' })
export class TrainingAggregateRow {
  @Field(() => TrainingAggregateLevelEnum, { description: 'What the row groups.' }) level!: TrainingAggregateLevel;
  @Field(() => ID, { nullable: true, description: 'COHORT rows: the cohort (see `trainingCohort(id)`).' }) cohortId!: string | null;
  @Field(() => ID, { nullable: true, description: 'COHORT and PROVIDER rows: the training provider (party id).' }) providerPartyId!: string | null;
  @Field(() => String, { nullable: true, description: 'COHORT and KECAMATAN rows: the kecamatan of the venue, as recorded.' }) kecamatan!: string | null;
  @Field(() => Int, { description: 'Cohorts in the row (cohorts, not people: always published).' }) cohorts!: number;
  @Field(() => TrainingFillGql, { description: 'Cohort fill: seats held / capacity.' }) fill!: TrainingFillGql;
  @Field(() => TrainingRateGql, {
    description:
      'Completion rate = COMPLETED / enrolments with an outcome by the reference date (COMPLETED, FAILED or DROPPED). WITHDRAWN, CANCELLED (cohort cancelled, waitlist closed) and still active enrolments are not outcomes.',
  })
  completion!: TrainingRateGql;
  @Field(() => TrainingAttendanceRateGql, { description: 'Attendance rate over the recorded sessions.' }) attendance!: TrainingAttendanceRateGql;
  @Field(() => TrainingRateGql, {
    description:
      'Practice pass rate = members whose latest practice score (taken on or before the reference date, on the test of the course’s target) is at or above the course’s target / members with such a score. EPS-TOPIK targets compare the score; TOPIK targets the level of the score (`topik.levels` on the reference date); PILOT_KOREAN targets the level. Courses with a skill-certificate target or none have no practice figures (0 / 0).',
  })
  practicePass!: TrainingRateGql;
  @Field(() => TrainingRateGql, {
    description:
      'Official pass rate = members of KOREAN_LANGUAGE cohorts (seated by the reference date) whose official result meets their target route’s Korean requirement on the reference date / those of them who sat an official test of that requirement’s kind from the cohort’s start date to the reference date. The requirement is the eligibility rules’ (EPS-TOPIK ≥ `eps.topikMinScore`, valid for `eps.topikValidityMonths`; a TOPIK-scale level ≥ `e73pilot.minTopikLevel`), without an opening’s extras; members whose route has no Korean requirement, or no target route, are left out.',
  })
  officialPass!: TrainingRateGql;
}

@ObjectType('TrainingAggregates', {
  description:
    'Training figures per cohort, per provider, per kecamatan and in total for the selected cohorts, computed in SQL (GROUP BY GROUPING SETS). Provider, kecamatan and total rows add up the cohort rows (units: enrolments, a person in a cohort).',
})
export class TrainingAggregates {
  @Field(() => DateScalar, { description: 'The date the figures are for (protected view: the reference date, the last month end that has passed on or before `asOf`).' }) asOf!: string;
  @Field(() => [TrainingAggregateRow], { description: 'One row per selected cohort, oldest provider id first.' }) byCohort!: TrainingAggregateRow[];
  @Field(() => [TrainingAggregateRow], { description: 'One row per provider of the selected cohorts.' }) byProvider!: TrainingAggregateRow[];
  @Field(() => [TrainingAggregateRow], { description: 'One row per kecamatan of the selected cohorts.' }) byKecamatan!: TrainingAggregateRow[];
  @Field(() => TrainingAggregateRow, { description: 'Every selected cohort (zeros when none).' }) total!: TrainingAggregateRow;
  @Field(() => Disclosure, { description: 'How the figures were protected (suppressedCells counts the withheld figures: fill, completion, attendance, practice and official pass of every row).' })
  disclosure!: Disclosure;
}
