/**
 * Training aggregates (issue 10) in one SQL statement: per cohort, then rolled up by provider, by
 * kecamatan and over everything (`GROUP BY GROUPING SETS`), never by loading members into the server.
 * The figures are raw counts; disclosure control is the resolver's (graphql/types/disclosure.type.ts,
 * the domain's disclosure/), so nothing here is published as is.
 *
 * What each count is, on the cut-off `at` (a timestamp) and its date `on`:
 * - **seatsHeld**: enrolments that got a seat by `at` (`seated_at <= at`) and had not left it by then
 *   (WITHDRAWN, DROPPED or CANCELLED with `ended_at <= at`); COMPLETED and FAILED members keep their seat.
 *   Fill = seatsHeld / capacity (capacity is seats, not people).
 * - **outcomes / completed**: enrolments with an outcome by `at`: COMPLETED, FAILED or DROPPED
 *   (`ended_at <= at`); of which COMPLETED. WITHDRAWN (left before finishing by choice, most before
 *   the start), CANCELLED (the program cancelled the cohort or closed the waitlist) and active
 *   enrolments are not outcomes. Completion rate = completed / outcomes.
 * - **attendance**: the attendance marks of the sessions held on or before `on` whose class record
 *   was made by `at`, counted under each cohort's own excused-absence rule (the course's published
 *   rule, copied into the cohort): COUNTS_AS_PRESENT → EXCUSED is attended and counted;
 *   EXCLUDED → EXCUSED is neither; COUNTS_AS_ABSENT → EXCUSED is counted, not attended. PRESENT is
 *   attended and counted, ABSENT counted only. Attendance rate = attended / counted (marks, i.e.
 *   member-sessions); `attendancePeople` = members with a counted mark.
 * - **practice**: per member, their latest practice score (by `taken_on`, then order of recording)
 *   taken on or before `on`, on the test of the course's target (EPS_TOPIK for an EPS-TOPIK target,
 *   the target's TOPIK I/II test for a TOPIK target, the pilot's test for a PILOT_KOREAN target;
 *   skill-certificate and target-less courses have none). It passes when it is at or above the
 *   target: the score for EPS-TOPIK, the level of the score (the `topik.levels` bands in force on
 *   `on`) for TOPIK, the level itself for the pilot's test. Practice pass rate = passed / takers.
 * - **official**: per member of a KOREAN_LANGUAGE cohort seated by `at`, whose target route has a
 *   Korean requirement on `on` (the domain's `koreanRequirement`, without an opening's extras) and
 *   who has an official result of that requirement's kind in their profile taken from the cohort's
 *   start date to `on` (EPS-TOPIK for an EPS requirement; TOPIK I/II or the pilot's test for a level
 *   requirement): they pass when one of those results meets the requirement (an EPS-TOPIK score at
 *   or above the minimum and still valid on `on`, `eps.topikValidityMonths`; a TOPIK-scale level at
 *   or above the minimum). Official pass rate = passed / sat.
 *
 * Rollups add up the cohort rows: their units are enrolments (a person in a cohort), so a person in
 * two cohorts of one provider counts in both. Every count that counts people (seatsHeld, outcomes,
 * completed, attendancePeople, takers, passed, sat) comes with the cohort's or group's contributors.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

/** `select … id from training_cohort …` with `?` placeholders: the cohorts the caller may see and asked for. */
export interface CohortSetSql {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** The route requirements and the bands the SQL compares with, computed by the domain for `on`. */
export interface TrainingAggregateParameters {
  /** End of the reference period (inclusive). */
  readonly at: string;
  /** The reference date (ISO). */
  readonly on: string;
  /** `topik.levels` in force on `on`. */
  readonly topikBands: ReadonlyArray<{ readonly test: string; readonly level: number; readonly min: number; readonly max: number }>;
  /** One entry per route with a Korean requirement on `on`. */
  readonly requirements: ReadonlyArray<{ readonly route: string; readonly kind: 'EPS_TOPIK' | 'TOPIK_LEVEL'; readonly minScore: number | null; readonly minLevel: number | null }>;
  /** `eps.topikValidityMonths` in force on `on`. */
  readonly epsValidityMonths: number;
}

export type TrainingAggregateLevel = 'COHORT' | 'PROVIDER' | 'KECAMATAN' | 'TOTAL';

export interface TrainingAggregateCounts {
  readonly level: TrainingAggregateLevel;
  readonly cohortId: string | null;
  readonly providerPartyId: string | null;
  readonly kecamatan: string | null;
  readonly cohorts: number;
  readonly capacity: number;
  readonly seatsHeld: number;
  readonly outcomes: number;
  readonly completed: number;
  readonly attendancePeople: number;
  readonly attended: number;
  readonly counted: number;
  readonly practiceTakers: number;
  readonly practicePassed: number;
  readonly officialSat: number;
  readonly officialPassed: number;
}

/** The cohorts counted, their seats held and their outcomes (CTEs `c`, `en`). */
const SEATS_SQL = `
c as (
  select tc.id, tc.provider_party_id, tc.kecamatan, tc.capacity, tc.start_date, tc.course_kind,
         tc.rules -> 'attendanceRule' ->> 'excused' as excused, co.target
    from training_cohort tc
    join training_course co on co.id = tc.course_id
    cross join prm
   where tc.id in (select id from coh) and tc.created_at <= prm.at
),
en as (
  select e.cohort_id,
         count(*) filter (where e.seated_at <= prm.at and not (e.status in ('WITHDRAWN', 'DROPPED', 'CANCELLED') and e.ended_at <= prm.at)) as held,
         count(*) filter (where e.status in ('COMPLETED', 'FAILED', 'DROPPED') and e.ended_at <= prm.at) as outcomes,
         count(*) filter (where e.status = 'COMPLETED' and e.ended_at <= prm.at) as completed
    from training_enrolment e
    cross join prm
   where e.cohort_id in (select id from c)
   group by e.cohort_id
),`;

/** Attendance marks per member and per cohort (CTEs `member_marks`, `att`). */
const ATTENDANCE_SQL = `
member_marks as (
  select m.cohort_id, m.candidate_id,
         count(*) filter (where m.mark = 'PRESENT' or (m.mark = 'EXCUSED' and c.excused = 'COUNTS_AS_PRESENT')) as attended,
         count(*) filter (where m.mark <> 'EXCUSED' or c.excused <> 'EXCLUDED') as counted
    from training_attendance_mark m
    join training_session s on s.cohort_id = m.cohort_id and s.number = m.session_number
    join c on c.id = m.cohort_id
    cross join prm
   where s.date <= prm.d and s.attendance_recorded_at <= prm.at
   group by m.cohort_id, m.candidate_id
),
att as (
  select cohort_id, count(*) filter (where counted > 0) as people, sum(attended) as attended, sum(counted) as counted
    from member_marks
   group by cohort_id
),`;

/** Each member's latest practice score on the course's target test (CTEs `latest_practice`, `practice`). */
const PRACTICE_SQL = `
latest_practice as (
  select distinct on (ps.cohort_id, ps.candidate_id) ps.cohort_id, ps.candidate_id, ps.test, ps.score, c.target
    from training_practice_score ps
    join c on c.id = ps.cohort_id
    cross join prm
   where ps.taken_on <= prm.d
     and ps.test = case c.target ->> 'kind' when 'EPS_TOPIK' then 'EPS_TOPIK' when 'TOPIK' then c.target ->> 'test' when 'PILOT_KOREAN' then 'PILOT_KOREAN' end
   order by ps.cohort_id, ps.candidate_id, ps.taken_on desc, ps.position desc
),
practice as (
  select lp.cohort_id,
         count(*) as takers,
         count(*) filter (where case lp.target ->> 'kind'
             when 'EPS_TOPIK' then lp.score >= (lp.target ->> 'score')::int
             when 'PILOT_KOREAN' then lp.score >= (lp.target ->> 'level')::int
             when 'TOPIK' then (select coalesce(max(b.level), 0) from prm, jsonb_to_recordset(prm.bands) as b(test text, level int, min int, max int)
                                 where b.test = lp.test and lp.score between b.min and b.max) >= (lp.target ->> 'level')::int
             else false end) as passed
    from latest_practice lp
   group by lp.cohort_id
),`;

/** Official results of Korean-language members against their route's requirement (CTEs `members`, `official_member`, `official`). */
const OFFICIAL_SQL = `
members as (
  select distinct e.cohort_id, e.candidate_id, c.start_date
    from training_enrolment e
    join c on c.id = e.cohort_id
    cross join prm
   where c.course_kind = 'KOREAN_LANGUAGE' and e.seated_at <= prm.at
),
official_member as (
  select mb.cohort_id, mb.candidate_id, rq.kind,
         case rq.kind
           when 'EPS_TOPIK' then exists (select 1 from jsonb_array_elements(coalesce(cand.profile -> 'epsTopikResults', '[]'::jsonb)) r
                                          where (r ->> 'takenOn')::date between mb.start_date and prm.d)
           else exists (select 1 from jsonb_array_elements(coalesce(cand.profile -> 'topikResults', '[]'::jsonb)) r
                         where (r ->> 'takenOn')::date between mb.start_date and prm.d)
             or exists (select 1 from jsonb_array_elements(coalesce(cand.profile -> 'pilotKoreanTests', '[]'::jsonb)) r
                         where (r ->> 'takenOn')::date between mb.start_date and prm.d)
         end as sat,
         case rq.kind
           when 'EPS_TOPIK' then exists (select 1 from jsonb_array_elements(coalesce(cand.profile -> 'epsTopikResults', '[]'::jsonb)) r
                                          where (r ->> 'takenOn')::date between mb.start_date and prm.d
                                            and (r ->> 'score')::int >= rq.min_score
                                            and (r ->> 'takenOn')::date + make_interval(months => prm.validity) > prm.d)
           else exists (select 1 from jsonb_array_elements(coalesce(cand.profile -> 'topikResults', '[]'::jsonb)) r
                         where (r ->> 'takenOn')::date between mb.start_date and prm.d
                           and (select coalesce(max(b.level), 0) from jsonb_to_recordset(prm.bands) as b(test text, level int, min int, max int)
                                 where b.test = r ->> 'test' and (r ->> 'score')::int between b.min and b.max) >= rq.min_level)
             or exists (select 1 from jsonb_array_elements(coalesce(cand.profile -> 'pilotKoreanTests', '[]'::jsonb)) r
                         where (r ->> 'takenOn')::date between mb.start_date and prm.d and (r ->> 'level')::int >= rq.min_level)
         end as passed
    from members mb
    join candidate cand on cand.id = mb.candidate_id
    cross join prm
    join jsonb_to_recordset(prm.reqs) as rq(route text, kind text, min_score int, min_level int) on rq.route = cand.target_route
),
official as (
  select cohort_id, count(*) filter (where sat) as sat, count(*) filter (where sat and passed) as passed
    from official_member
   group by cohort_id
),`;

/** One constant statement; the only variable parts are bound values and the cohort set's own (parameterised) SQL. */
const STATEMENT = (cohortSet: string) => `
with prm as (
  select ?::timestamptz as at, ?::date as d, ?::jsonb as bands, ?::jsonb as reqs, ?::int as validity
),
coh as (${cohortSet}),
${SEATS_SQL}
${ATTENDANCE_SQL}
${PRACTICE_SQL}
${OFFICIAL_SQL}
cell as (
  select c.id, c.provider_party_id, c.kecamatan, c.capacity,
         coalesce(en.held, 0) as held, coalesce(en.outcomes, 0) as outcomes, coalesce(en.completed, 0) as completed,
         coalesce(att.people, 0) as att_people, coalesce(att.attended, 0) as attended, coalesce(att.counted, 0) as counted,
         coalesce(practice.takers, 0) as practice_takers, coalesce(practice.passed, 0) as practice_passed,
         coalesce(official.sat, 0) as official_sat, coalesce(official.passed, 0) as official_passed
    from c
    left join en on en.cohort_id = c.id
    left join att on att.cohort_id = c.id
    left join practice on practice.cohort_id = c.id
    left join official on official.cohort_id = c.id
)
select grouping(id) as g_cohort, grouping(provider_party_id) as g_provider, grouping(kecamatan) as g_kecamatan,
       id, provider_party_id, kecamatan,
       count(*) as cohorts, sum(capacity) as capacity, sum(held) as held, sum(outcomes) as outcomes, sum(completed) as completed,
       sum(att_people) as att_people, sum(attended) as attended, sum(counted) as counted,
       sum(practice_takers) as practice_takers, sum(practice_passed) as practice_passed,
       sum(official_sat) as official_sat, sum(official_passed) as official_passed
  from cell
 group by grouping sets ((id, provider_party_id, kecamatan), (provider_party_id), (kecamatan), ())
 order by g_cohort, g_provider, g_kecamatan, provider_party_id, kecamatan, id`;

const int = (v: unknown): number => Number(v ?? 0);
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function levelOf(r: Record<string, unknown>): TrainingAggregateLevel {
  if (int(r.g_cohort) === 0) return 'COHORT';
  if (int(r.g_provider) === 0) return 'PROVIDER';
  if (int(r.g_kecamatan) === 0) return 'KECAMATAN';
  return 'TOTAL';
}

/**
 * The raw counts per cohort of `cohorts`, per provider, per kecamatan and in total (the total row is
 * always there, with zeros when no cohort matches). One statement.
 */
export async function readTrainingAggregateCounts(em: EntityManager, cohorts: CohortSetSql, p: TrainingAggregateParameters): Promise<TrainingAggregateCounts[]> {
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(STATEMENT(cohorts.sql), [
    p.at,
    p.on,
    JSON.stringify(p.topikBands),
    JSON.stringify(p.requirements.map((r) => ({ route: r.route, kind: r.kind, min_score: r.minScore, min_level: r.minLevel }))),
    p.epsValidityMonths,
    ...cohorts.params,
  ]);
  return rows.map((r) => ({
    level: levelOf(r),
    cohortId: int(r.g_cohort) === 0 ? text(r.id) : null,
    providerPartyId: int(r.g_provider) === 0 ? text(r.provider_party_id) : null,
    kecamatan: int(r.g_kecamatan) === 0 ? text(r.kecamatan) : null,
    cohorts: int(r.cohorts),
    capacity: int(r.capacity),
    seatsHeld: int(r.held),
    outcomes: int(r.outcomes),
    completed: int(r.completed),
    attendancePeople: int(r.att_people),
    attended: int(r.attended),
    counted: int(r.counted),
    practiceTakers: int(r.practice_takers),
    practicePassed: int(r.practice_passed),
    officialSat: int(r.official_sat),
    officialPassed: int(r.official_passed),
  }));
}

/** Per cohort, the seated enrolments with a settled result and those of them that left the seat (`readTrainingDropoutCounts`). */
export interface TrainingDropoutCounts {
  readonly cohortId: string;
  /** Seated by `at` and ended by `at` as COMPLETED, FAILED, DROPPED, or WITHDRAWN after the seat. */
  readonly settled: number;
  /** Of those, DROPPED or WITHDRAWN (after the seat). */
  readonly left: number;
}

/**
 * The dropout counts of the training plan's observed dropout rate (left / settled), per cohort of
 * `cohorts` (the same cohorts as the aggregates: created by `at`), one row per cohort, zeros
 * included. A WITHDRAWN enrolment counts only when it had a seat before it ended (`seated_at` set, on
 * or before `ended_at`): leaving the waitlist is not a dropout. CANCELLED (the program's doing) and
 * active enrolments are not counted. One statement.
 */
export async function readTrainingDropoutCounts(em: EntityManager, cohorts: CohortSetSql, at: string): Promise<TrainingDropoutCounts[]> {
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `
with prm as (select ?::timestamptz as at),
coh as (${cohorts.sql}),
c as (select tc.id from training_cohort tc cross join prm where tc.id in (select id from coh) and tc.created_at <= prm.at),
settled as (
  select e.cohort_id, e.status
    from training_enrolment e
    cross join prm
   where e.cohort_id in (select id from c)
     and e.status in ('COMPLETED', 'FAILED', 'DROPPED', 'WITHDRAWN')
     and e.seated_at is not null and e.seated_at <= e.ended_at and e.ended_at <= prm.at
)
select c.id, count(s.cohort_id) as settled, count(s.cohort_id) filter (where s.status in ('DROPPED', 'WITHDRAWN')) as left_seat
  from c
  left join settled s on s.cohort_id = c.id
 group by c.id
 order by c.id`,
    [at, ...cohorts.params],
  );
  return rows.map((r) => ({ cohortId: String(r.id), settled: int(r.settled), left: int(r.left_seat) }));
}
