import { Migration } from '@mikro-orm/migrations';

/**
 * Training (issue 10): courses, cohorts with their status history, sessions, attendance marks,
 * enrolments, practice scores and final assessments (see persistence/training.schema.ts). Generated
 * from the entity mappings with `npm run migration:create -- training 20261202120000`; the diff's
 * drops of the tables that only raw migrations describe (api_key, audit_log, in_flight_lease,
 * rate_limit_bucket) were removed.
 */
export class Migration20261202120000_training extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "training_course" ("id" uuid not null, "provider_party_id" uuid not null, "provider_type" text check ("provider_type" in ('LPK', 'BBPVP', 'TRAINING_CENTRE')) not null, "licence_number" varchar(100) null, "licence_valid_from" date null, "licence_valid_until" date null, "kind" text check ("kind" in ('KOREAN_LANGUAGE', 'SKILL', 'SAFETY', 'ORIENTATION')) not null, "title_id" varchar(500) not null, "title_en" varchar(500) not null, "target" jsonb null, "hours" int not null, "fee_idr" bigint not null, "attendance_required_share" varchar(64) not null, "attendance_excused" text check ("attendance_excused" in ('COUNTS_AS_PRESENT', 'EXCLUDED', 'COUNTS_AS_ABSENT')) not null, "attendance_stated_by" varchar(500) not null, "has_final_assessment" boolean not null, "note" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "training_course_pkey" primary key ("id"), constraint training_course_hours_check check (hours > 0), constraint training_course_fee_check check (fee_idr >= 0), constraint training_course_licence_check check ((provider_type = 'LPK') = (licence_number is not null and licence_valid_from is not null) and (licence_number is null) = (licence_valid_from is null)));`);
    this.addSql(`comment on table "training_course" is 'Courses of training providers (Korean language, skills, safety, orientation); a course never changes after creation';`);
    this.addSql(`create index "training_course_provider_party_id_idx" on "training_course" ("provider_party_id");`);
    this.addSql(`create index "training_course_kind_idx" on "training_course" ("kind");`);
    this.addSql(`create index "training_course_created_at_idx" on "training_course" ("created_at");`);

    this.addSql(`create table "training_cohort" ("id" uuid not null, "course_id" uuid not null, "provider_party_id" uuid not null, "course_kind" text check ("course_kind" in ('KOREAN_LANGUAGE', 'SKILL', 'SAFETY', 'ORIENTATION')) not null, "venue_kind" text check ("venue_kind" in ('KAMPUNG_BAHASA', 'LPK', 'BBPVP', 'TRAINING_CENTRE', 'OTHER')) not null, "venue_name" text not null, "kecamatan" varchar(100) not null, "kelurahan" varchar(100) null, "capacity" int not null, "start_date" date not null, "end_date" date not null, "promotion_window_days" int not null, "rules" jsonb not null, "status" text check ("status" in ('PLANNED', 'ENROLLING', 'RUNNING', 'COMPLETED', 'CANCELLED')) not null, "enrolled_count" int not null default 0, "waitlisted_count" int not null default 0, "note" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "training_cohort_pkey" primary key ("id"), constraint training_cohort_capacity_check check (capacity > 0), constraint training_cohort_dates_check check (end_date >= start_date), constraint training_cohort_counts_check check (enrolled_count >= 0 and waitlisted_count >= 0 and enrolled_count <= capacity), constraint training_cohort_window_check check (promotion_window_days >= 0));`);
    this.addSql(`comment on table "training_cohort" is 'Cohorts (angkatan) of a course at a venue, with capacity, dates and status (history in training_cohort_status_change)';`);
    this.addSql(`create index "training_cohort_course_id_idx" on "training_cohort" ("course_id");`);
    this.addSql(`create index "training_cohort_provider_party_id_idx" on "training_cohort" ("provider_party_id");`);
    this.addSql(`create index "training_cohort_course_kind_idx" on "training_cohort" ("course_kind");`);
    this.addSql(`create index "training_cohort_kecamatan_idx" on "training_cohort" ("kecamatan");`);
    this.addSql(`create index "training_cohort_start_date_idx" on "training_cohort" ("start_date");`);
    this.addSql(`create index "training_cohort_status_idx" on "training_cohort" ("status");`);
    this.addSql(`create index "training_cohort_created_at_idx" on "training_cohort" ("created_at");`);

    this.addSql(`create table "training_cohort_status_change" ("id" serial primary key, "cohort_id" uuid not null, "sequence" int not null, "from_status" text check ("from_status" in ('PLANNED', 'ENROLLING', 'RUNNING', 'COMPLETED', 'CANCELLED')) null, "to_status" text check ("to_status" in ('PLANNED', 'ENROLLING', 'RUNNING', 'COMPLETED', 'CANCELLED')) not null, "at" timestamptz not null, "actor" varchar(300) not null, "note" text null);`);
    this.addSql(`comment on table "training_cohort_status_change" is 'History of cohort status changes (append-only through the API)';`);
    this.addSql(`alter table "training_cohort_status_change" add constraint "training_cohort_status_change_cohort_sequence_unique" unique ("cohort_id", "sequence");`);

    this.addSql(`create table "training_attendance_mark" ("id" serial primary key, "cohort_id" uuid not null, "session_number" int not null, "candidate_id" uuid not null, "mark" text check ("mark" in ('PRESENT', 'ABSENT', 'EXCUSED')) not null);`);
    this.addSql(`comment on table "training_attendance_mark" is 'Attendance marks of a session, one per enrolled member (PRESENT, ABSENT, EXCUSED)';`);
    this.addSql(`create index "training_attendance_mark_candidate_id_idx" on "training_attendance_mark" ("candidate_id");`);
    this.addSql(`alter table "training_attendance_mark" add constraint "training_attendance_mark_unique" unique ("cohort_id", "session_number", "candidate_id");`);

    this.addSql(`create table "training_enrolment" ("id" serial primary key, "cohort_id" uuid not null, "candidate_id" uuid not null, "course_kind" text check ("course_kind" in ('KOREAN_LANGUAGE', 'SKILL', 'SAFETY', 'ORIENTATION')) not null, "sequence" int not null, "status" text check ("status" in ('ENROLLED', 'WAITLISTED', 'WITHDRAWN', 'DROPPED', 'COMPLETED', 'FAILED', 'CANCELLED')) not null, "requested_at" timestamptz not null, "seated_at" timestamptz null, "ended_at" timestamptz null, "reason" text check ("reason" in ('REQUIREMENTS_MET', 'ATTENDANCE_BELOW_RULE', 'ASSESSMENT_FAILED', 'COHORT_CANCELLED', 'WAITLIST_CLOSED', 'PERSONAL', 'HEALTH', 'FAMILY', 'WORK_ELSEWHERE', 'COST', 'NO_CONTACT', 'CONDUCT', 'OTHER')) null, "note" text null, constraint training_enrolment_sequence_check check (sequence > 0), constraint training_enrolment_state_check check ((status = 'ENROLLED' or status = 'WAITLISTED') = (ended_at is null and reason is null) and (status <> 'ENROLLED' or seated_at is not null) and (status <> 'WAITLISTED' or seated_at is null)));`);
    this.addSql(`comment on table "training_enrolment" is 'Enrolments of candidates in cohorts, in arrival order (ENROLLED, WAITLISTED, then a final status with its reason)';`);
    this.addSql(`create index "training_enrolment_candidate_id_idx" on "training_enrolment" ("candidate_id");`);
    this.addSql(`create index "training_enrolment_status_idx" on "training_enrolment" ("status");`);
    this.addSql(`alter table "training_enrolment" add constraint "training_enrolment_cohort_sequence_unique" unique ("cohort_id", "sequence");`);
    this.addSql(`alter table "training_enrolment" add constraint "training_enrolment_cohort_candidate_unique" unique ("cohort_id", "candidate_id");`);

    this.addSql(`create table "training_final_assessment" ("id" serial primary key, "cohort_id" uuid not null, "candidate_id" uuid not null, "passed" boolean not null, "assessed_on" date not null);`);
    this.addSql(`comment on table "training_final_assessment" is 'Final assessment results of cohort members (courses that have one)';`);
    this.addSql(`create index "training_final_assessment_candidate_id_idx" on "training_final_assessment" ("candidate_id");`);
    this.addSql(`alter table "training_final_assessment" add constraint "training_final_assessment_cohort_candidate_unique" unique ("cohort_id", "candidate_id");`);

    this.addSql(`create table "training_practice_score" ("id" serial primary key, "cohort_id" uuid not null, "candidate_id" uuid not null, "position" int not null, "test" text check ("test" in ('EPS_TOPIK', 'TOPIK_I', 'TOPIK_II', 'PILOT_KOREAN')) not null, "taken_on" date not null, "score" int not null, constraint training_practice_score_check check (score >= 0 and position >= 0));`);
    this.addSql(`comment on table "training_practice_score" is 'Practice (mock) Korean test scores of cohort members, on the official scales';`);
    this.addSql(`create index "training_practice_score_candidate_id_idx" on "training_practice_score" ("candidate_id");`);
    this.addSql(`alter table "training_practice_score" add constraint "training_practice_score_cohort_position_unique" unique ("cohort_id", "position");`);

    this.addSql(`create table "training_session" ("id" serial primary key, "cohort_id" uuid not null, "number" int not null, "date" date not null, "topic" text null, "attendance_recorded_at" timestamptz null, "attendance_actor" varchar(300) null, constraint training_session_number_check check (number > 0), constraint training_session_attendance_check check ((attendance_recorded_at is null) = (attendance_actor is null)));`);
    this.addSql(`comment on table "training_session" is 'Scheduled sessions of a cohort, with when the class attendance was recorded';`);
    this.addSql(`alter table "training_session" add constraint "training_session_cohort_number_unique" unique ("cohort_id", "number");`);

    this.addSql(`alter table "training_course" add constraint "training_course_provider_party_id_foreign" foreign key ("provider_party_id") references "party" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "training_cohort" add constraint "training_cohort_course_id_foreign" foreign key ("course_id") references "training_course" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "training_cohort" add constraint "training_cohort_provider_party_id_foreign" foreign key ("provider_party_id") references "party" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "training_cohort_status_change" add constraint "training_cohort_status_change_cohort_id_foreign" foreign key ("cohort_id") references "training_cohort" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "training_attendance_mark" add constraint "training_attendance_mark_cohort_id_foreign" foreign key ("cohort_id") references "training_cohort" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_attendance_mark" add constraint "training_attendance_mark_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "training_enrolment" add constraint "training_enrolment_cohort_id_foreign" foreign key ("cohort_id") references "training_cohort" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_enrolment" add constraint "training_enrolment_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "training_final_assessment" add constraint "training_final_assessment_cohort_id_foreign" foreign key ("cohort_id") references "training_cohort" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_final_assessment" add constraint "training_final_assessment_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "training_practice_score" add constraint "training_practice_score_cohort_id_foreign" foreign key ("cohort_id") references "training_cohort" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_practice_score" add constraint "training_practice_score_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "training_session" add constraint "training_session_cohort_id_foreign" foreign key ("cohort_id") references "training_cohort" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "training_cohort" drop constraint "training_cohort_course_id_foreign";`);

    this.addSql(`alter table "training_cohort_status_change" drop constraint "training_cohort_status_change_cohort_id_foreign";`);

    this.addSql(`alter table "training_attendance_mark" drop constraint "training_attendance_mark_cohort_id_foreign";`);

    this.addSql(`alter table "training_enrolment" drop constraint "training_enrolment_cohort_id_foreign";`);

    this.addSql(`alter table "training_final_assessment" drop constraint "training_final_assessment_cohort_id_foreign";`);

    this.addSql(`alter table "training_practice_score" drop constraint "training_practice_score_cohort_id_foreign";`);

    this.addSql(`alter table "training_session" drop constraint "training_session_cohort_id_foreign";`);

    this.addSql(`drop table if exists "training_course" cascade;`);

    this.addSql(`drop table if exists "training_cohort" cascade;`);

    this.addSql(`drop table if exists "training_cohort_status_change" cascade;`);

    this.addSql(`drop table if exists "training_attendance_mark" cascade;`);

    this.addSql(`drop table if exists "training_enrolment" cascade;`);

    this.addSql(`drop table if exists "training_final_assessment" cascade;`);

    this.addSql(`drop table if exists "training_practice_score" cascade;`);

    this.addSql(`drop table if exists "training_session" cascade;`);
  }

}
