import { Migration } from '@mikro-orm/migrations';

export class Migration20251208000100_program extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mou" ("id" uuid not null, "title_id" varchar(500) not null, "title_en" varchar(500) not null, "reference" varchar(200) null, "status" text check ("status" in ('DRAFT', 'EXPLORATION', 'UNDER_REVIEW', 'SIGNED', 'ACTIVE', 'SUSPENDED', 'ENDED')) not null, "parent_mou_id" uuid null, "renewal_of_mou_id" uuid null, "renewed_by_mou_id" uuid null, "signed_on" date null, "valid_from" date null, "valid_until" date null, "ended_on" date null, "note" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "mou_pkey" primary key ("id"), constraint mou_validity_order_check check (valid_until is null or valid_from is null or valid_until >= valid_from), constraint mou_not_own_parent_check check (parent_mou_id is null or parent_mou_id <> id));`);
    this.addSql(`comment on table "mou" is 'Memoranda of understanding between the city and its partners (status machine in mou_status_change)';`);
    this.addSql(`create index "mou_status_idx" on "mou" ("status");`);
    this.addSql(`create index "mou_parent_mou_id_idx" on "mou" ("parent_mou_id");`);
    this.addSql(`create index "mou_created_at_idx" on "mou" ("created_at");`);

    this.addSql(`create table "mou_status_change" ("id" serial primary key, "mou_id" uuid not null, "sequence" int not null, "from_status" text check ("from_status" in ('DRAFT', 'EXPLORATION', 'UNDER_REVIEW', 'SIGNED', 'ACTIVE', 'SUSPENDED', 'ENDED')) null, "to_status" text check ("to_status" in ('DRAFT', 'EXPLORATION', 'UNDER_REVIEW', 'SIGNED', 'ACTIVE', 'SUSPENDED', 'ENDED')) not null, "at" timestamptz not null, "actor" varchar(300) not null, "note" text null);`);
    this.addSql(`comment on table "mou_status_change" is 'History of MoU status changes (append-only through the API)';`);
    this.addSql(`alter table "mou_status_change" add constraint "mou_status_change_mou_sequence_unique" unique ("mou_id", "sequence");`);

    this.addSql(`create table "party" ("id" uuid not null, "kind" text check ("kind" in ('CITY_GOVERNMENT', 'FOREIGN_LOCAL_GOVERNMENT', 'ASSOCIATION', 'P3MI', 'EMPLOYER', 'TRAINING_PROVIDER', 'CERTIFIER', 'BANK', 'NATIONAL_AGENCY')) not null, "name" varchar(200) not null, "short_name" varchar(40) null, "native_name" varchar(200) null, "unit" varchar(200) null, "country" varchar(2) not null, "region_code" varchar(20) null, "sip3mi_number" varchar(100) null, "sip2mi_number" varchar(100) null, "representative" jsonb null, "external_refs" jsonb not null, "is_example" boolean not null default false, "note" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "party_pkey" primary key ("id"), constraint party_licence_only_p3mi_check check ((kind = 'P3MI') = (sip3mi_number is not null and sip2mi_number is not null) and ((sip3mi_number is null) = (sip2mi_number is null))), constraint party_country_check check (country ~ '^[A-Z]{2}\$'));`);
    this.addSql(`comment on table "party" is 'Organisations in the program: city, Korean counties, APJATI, P3MI, employers, trainers, certifiers, banks';`);
    this.addSql(`create index "party_kind_idx" on "party" ("kind");`);
    this.addSql(`create index "party_name_idx" on "party" ("name");`);
    this.addSql(`create index "party_country_idx" on "party" ("country");`);
    this.addSql(`create index "party_created_at_idx" on "party" ("created_at");`);

    this.addSql(`create table "mou_party" ("id" serial primary key, "mou_id" uuid not null, "party_id" uuid not null, "party_kind" text check ("party_kind" in ('CITY_GOVERNMENT', 'FOREIGN_LOCAL_GOVERNMENT', 'ASSOCIATION', 'P3MI', 'EMPLOYER', 'TRAINING_PROVIDER', 'CERTIFIER', 'BANK', 'NATIONAL_AGENCY')) not null, "role" text check ("role" in ('PRINCIPAL', 'PARTNER', 'FACILITATOR', 'IMPLEMENTER', 'WITNESS')) not null, "is_signatory" boolean not null, "signatory_name" varchar(200) null, "signatory_title" varchar(200) null, "position" int not null);`);
    this.addSql(`comment on table "mou_party" is 'Parties of an MoU with their role and signatory';`);
    this.addSql(`create index "mou_party_party_id_idx" on "mou_party" ("party_id");`);
    this.addSql(`alter table "mou_party" add constraint "mou_party_mou_party_unique" unique ("mou_id", "party_id");`);

    this.addSql(`create table "mou_obligation" ("id" serial primary key, "mou_id" uuid not null, "number" int not null, "party_id" uuid not null, "text_id" text not null, "text_en" text not null, constraint mou_obligation_number_check check (number > 0));`);
    this.addSql(`comment on table "mou_obligation" is 'Obligations of each party under an MoU';`);
    this.addSql(`create index "mou_obligation_party_id_idx" on "mou_obligation" ("party_id");`);
    this.addSql(`alter table "mou_obligation" add constraint "mou_obligation_mou_number_unique" unique ("mou_id", "number");`);

    this.addSql(`create table "job_opening" ("id" uuid not null, "mou_id" uuid not null, "employer_party_id" uuid not null, "occupation" text check ("occupation" in ('WELDER', 'SHIP_PAINTER', 'SHIP_ELECTRICIAN', 'PLANT_ENGINEER', 'MANUFACTURING_WORKER', 'AGRICULTURE_WORKER', 'HOUSEKEEPER', 'BABY_SITTER', 'ELDERLY_CARER', 'COOK', 'FAMILY_DRIVER', 'GARDENER', 'CHILD_CARER', 'CLEANER', 'FARM_PLANTATION_WORKER', 'FISHING_CREW')) not null, "route" text check ("route" in ('E9', 'E7_3', 'E7_3_PILOT', 'E8')) not null, "seats" int not null, "allocated" int not null default 0, "wage_basis" text check ("wage_basis" in ('FIXED', 'STATUTORY_MINIMUM', 'NOT_STATED')) not null, "wage_monthly_amount" bigint null, "wage_currency" text check ("wage_currency" in ('IDR', 'KRW', 'USD')) null, "contract_months" int null, "extra_requirements" jsonb not null, "planned_departure" date null, "attache_verified_on" date null, "attache_reference" varchar(200) null, "status" text check ("status" in ('DRAFT', 'OPEN', 'CLOSED', 'FILLED')) not null, "note" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "job_opening_pkey" primary key ("id"), constraint job_opening_seats_check check (seats > 0), constraint job_opening_allocated_check check (allocated >= 0 and allocated <= seats), constraint job_opening_contract_months_check check (contract_months is null or contract_months > 0), constraint job_opening_wage_check check ((wage_basis = 'FIXED') = (wage_monthly_amount is not null and wage_currency is not null) and (wage_monthly_amount is null or wage_monthly_amount > 0)), constraint job_opening_verified_before_open_check check (status = 'DRAFT' or status = 'CLOSED' or attache_verified_on is not null));`);
    this.addSql(`comment on table "job_opening" is 'Job orders under an MoU: the public vacancy board';`);
    this.addSql(`create index "job_opening_mou_id_idx" on "job_opening" ("mou_id");`);
    this.addSql(`create index "job_opening_employer_party_id_idx" on "job_opening" ("employer_party_id");`);
    this.addSql(`create index "job_opening_occupation_idx" on "job_opening" ("occupation");`);
    this.addSql(`create index "job_opening_route_idx" on "job_opening" ("route");`);
    this.addSql(`create index "job_opening_status_idx" on "job_opening" ("status");`);
    this.addSql(`create index "job_opening_created_at_idx" on "job_opening" ("created_at");`);

    this.addSql(`create table "job_opening_status_change" ("id" serial primary key, "opening_id" uuid not null, "sequence" int not null, "from_status" text check ("from_status" in ('DRAFT', 'OPEN', 'CLOSED', 'FILLED')) null, "to_status" text check ("to_status" in ('DRAFT', 'OPEN', 'CLOSED', 'FILLED')) not null, "at" timestamptz not null, "actor" varchar(300) not null, "note" text null);`);
    this.addSql(`comment on table "job_opening_status_change" is 'History of job opening status changes';`);
    this.addSql(`alter table "job_opening_status_change" add constraint "job_opening_status_change_opening_sequence_unique" unique ("opening_id", "sequence");`);

    this.addSql(`create table "quota" ("id" uuid not null, "mou_id" uuid not null, "occupation" text check ("occupation" in ('WELDER', 'SHIP_PAINTER', 'SHIP_ELECTRICIAN', 'PLANT_ENGINEER', 'MANUFACTURING_WORKER', 'AGRICULTURE_WORKER', 'HOUSEKEEPER', 'BABY_SITTER', 'ELDERLY_CARER', 'COOK', 'FAMILY_DRIVER', 'GARDENER', 'CHILD_CARER', 'CLEANER', 'FARM_PLANTATION_WORKER', 'FISHING_CREW')) not null, "route" text check ("route" in ('E9', 'E7_3', 'E7_3_PILOT', 'E8')) not null, "seats" int not null, "allocated" int not null default 0, "note" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "quota_pkey" primary key ("id"), constraint quota_seats_check check (seats > 0), constraint quota_allocated_check check (allocated >= 0 and allocated <= seats));`);
    this.addSql(`comment on table "quota" is 'Seats per MoU x occupation x route; allocated never exceeds seats';`);
    this.addSql(`create index "quota_mou_id_idx" on "quota" ("mou_id");`);
    this.addSql(`create index "quota_occupation_idx" on "quota" ("occupation");`);
    this.addSql(`create index "quota_route_idx" on "quota" ("route");`);
    this.addSql(`create index "quota_created_at_idx" on "quota" ("created_at");`);
    this.addSql(`alter table "quota" add constraint "quota_mou_occupation_route_unique" unique ("mou_id", "occupation", "route");`);

    this.addSql(`create table "candidate" ("id" uuid not null, "profile" jsonb not null, "nik" varchar(16) null, "sex" text check ("sex" in ('M', 'F')) null, "birth_date" date null, "kecamatan" text check ("kecamatan" in ('SERANG', 'CIPOCOK_JAYA', 'CURUG', 'KASEMEN', 'TAKTAKAN', 'WALANTAKA')) null, "education" text check ("education" in ('NONE', 'SD', 'SLTP', 'SLTA', 'D3', 'S1', 'S2', 'S3')) null, "stage" text check ("stage" in ('REGISTERED', 'SELECTED', 'TRAINING', 'TESTING', 'MEDICAL', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'VISA', 'ORIENTATION', 'DEPARTED', 'PLACED', 'RETURNED', 'WITHDRAWN', 'REJECTED')) not null, "stage_since" timestamptz not null, "target_route" text check ("target_route" in ('E9', 'E7_3', 'E7_3_PILOT', 'E8')) null, "target_occupation" text check ("target_occupation" in ('WELDER', 'SHIP_PAINTER', 'SHIP_ELECTRICIAN', 'PLANT_ENGINEER', 'MANUFACTURING_WORKER', 'AGRICULTURE_WORKER', 'HOUSEKEEPER', 'BABY_SITTER', 'ELDERLY_CARER', 'COOK', 'FAMILY_DRIVER', 'GARDENER', 'CHILD_CARER', 'CLEANER', 'FARM_PLANTATION_WORKER', 'FISHING_CREW')) null, "opening_id" uuid null, "quota_id" uuid null, "external_refs" jsonb not null, "eligibility" text check ("eligibility" in ('ELIGIBLE', 'ACTION_NEEDED', 'INELIGIBLE')) null, "eligibility_as_of" date null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "candidate_pkey" primary key ("id"), constraint candidate_nik_format_check check (nik is null or nik ~ '^[0-9]{16}\$'), constraint candidate_seat_pair_check check ((opening_id is null) = (quota_id is null)));`);
    this.addSql(`comment on table "candidate" is 'Job seekers (CPMI) and where each stands; personal data (UU 27/2022)';`);
    this.addSql(`alter table "candidate" add constraint "candidate_nik_unique" unique ("nik");`);
    this.addSql(`create index "candidate_kecamatan_idx" on "candidate" ("kecamatan");`);
    this.addSql(`create index "candidate_stage_idx" on "candidate" ("stage");`);
    this.addSql(`create index "candidate_target_route_idx" on "candidate" ("target_route");`);
    this.addSql(`create index "candidate_target_occupation_idx" on "candidate" ("target_occupation");`);
    this.addSql(`create index "candidate_opening_id_idx" on "candidate" ("opening_id");`);
    this.addSql(`create index "candidate_eligibility_idx" on "candidate" ("eligibility");`);
    this.addSql(`create index "candidate_created_at_idx" on "candidate" ("created_at");`);

    this.addSql(`create table "placement" ("id" uuid not null, "candidate_id" uuid not null, "opening_id" uuid not null, "quota_id" uuid not null, "mou_id" uuid not null, "employer_party_id" uuid not null, "occupation" text check ("occupation" in ('WELDER', 'SHIP_PAINTER', 'SHIP_ELECTRICIAN', 'PLANT_ENGINEER', 'MANUFACTURING_WORKER', 'AGRICULTURE_WORKER', 'HOUSEKEEPER', 'BABY_SITTER', 'ELDERLY_CARER', 'COOK', 'FAMILY_DRIVER', 'GARDENER', 'CHILD_CARER', 'CLEANER', 'FARM_PLANTATION_WORKER', 'FISHING_CREW')) not null, "route" text check ("route" in ('E9', 'E7_3', 'E7_3_PILOT', 'E8')) not null, "contract_months" int null, "allocated_on" date not null, "departed_on" date null, "started_work_on" date null, "expected_end_on" date null, "returned_on" date null, "cancelled_on" date null, "status" text check ("status" in ('ALLOCATED', 'DEPARTED', 'WORKING', 'RETURNED', 'CANCELLED')) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "placement_pkey" primary key ("id"));`);
    this.addSql(`comment on table "placement" is 'A candidate placed in a quota seat through an opening, from allocation to return';`);
    this.addSql(`create index "placement_candidate_id_idx" on "placement" ("candidate_id");`);
    this.addSql(`create index "placement_opening_id_idx" on "placement" ("opening_id");`);
    this.addSql(`create index "placement_quota_id_idx" on "placement" ("quota_id");`);
    this.addSql(`create index "placement_mou_id_idx" on "placement" ("mou_id");`);
    this.addSql(`create index "placement_status_idx" on "placement" ("status");`);

    this.addSql(`create table "placement_status_change" ("id" serial primary key, "placement_id" uuid not null, "sequence" int not null, "from_status" text check ("from_status" in ('ALLOCATED', 'DEPARTED', 'WORKING', 'RETURNED', 'CANCELLED')) null, "to_status" text check ("to_status" in ('ALLOCATED', 'DEPARTED', 'WORKING', 'RETURNED', 'CANCELLED')) not null, "at" timestamptz not null, "actor" varchar(300) not null, "note" text null);`);
    this.addSql(`comment on table "placement_status_change" is 'History of placement status changes';`);
    this.addSql(`alter table "placement_status_change" add constraint "placement_status_change_placement_sequence_unique" unique ("placement_id", "sequence");`);

    this.addSql(`create table "placement_cost_share" ("id" serial primary key, "placement_id" uuid not null, "line_id" varchar(64) not null, "timing" varchar(32) not null, "payer" text check ("payer" in ('WORKER', 'EMPLOYER', 'P3MI', 'CITY_SUBSIDY', 'APJATI_FACILITY')) not null, "amount_idr" bigint not null, constraint placement_cost_share_amount_check check (amount_idr >= 0));`);
    this.addSql(`comment on table "placement_cost_share" is 'Cost estimate of each placement per line and payer, as of the allocation date';`);
    this.addSql(`create index "placement_cost_share_placement_id_idx" on "placement_cost_share" ("placement_id");`);
    this.addSql(`create index "placement_cost_share_payer_idx" on "placement_cost_share" ("payer");`);

    this.addSql(`create table "candidate_stage_change" ("id" serial primary key, "candidate_id" uuid not null, "sequence" int not null, "from_stage" text check ("from_stage" in ('REGISTERED', 'SELECTED', 'TRAINING', 'TESTING', 'MEDICAL', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'VISA', 'ORIENTATION', 'DEPARTED', 'PLACED', 'RETURNED', 'WITHDRAWN', 'REJECTED')) null, "to_stage" text check ("to_stage" in ('REGISTERED', 'SELECTED', 'TRAINING', 'TESTING', 'MEDICAL', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'VISA', 'ORIENTATION', 'DEPARTED', 'PLACED', 'RETURNED', 'WITHDRAWN', 'REJECTED')) not null, "at" timestamptz not null, "actor" varchar(300) not null, "note" text null);`);
    this.addSql(`comment on table "candidate_stage_change" is 'History of candidate stage changes (time spent in each stage is computed from it)';`);
    this.addSql(`create index "candidate_stage_change_to_stage_idx" on "candidate_stage_change" ("to_stage");`);
    this.addSql(`alter table "candidate_stage_change" add constraint "candidate_stage_change_candidate_sequence_unique" unique ("candidate_id", "sequence");`);

    this.addSql(`create table "seat_allocation" ("id" serial primary key, "quota_id" uuid not null, "opening_id" uuid not null, "candidate_id" uuid not null, "allocated_at" timestamptz not null, "actor" varchar(300) not null);`);
    this.addSql(`comment on table "seat_allocation" is 'Quota seats held by candidates, each through a job opening';`);
    this.addSql(`create index "seat_allocation_opening_id_idx" on "seat_allocation" ("opening_id");`);
    this.addSql(`create index "seat_allocation_candidate_id_idx" on "seat_allocation" ("candidate_id");`);
    this.addSql(`alter table "seat_allocation" add constraint "seat_allocation_quota_candidate_unique" unique ("quota_id", "candidate_id");`);

    this.addSql(`alter table "mou" add constraint "mou_parent_mou_id_foreign" foreign key ("parent_mou_id") references "mou" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "mou" add constraint "mou_renewal_of_mou_id_foreign" foreign key ("renewal_of_mou_id") references "mou" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "mou" add constraint "mou_renewed_by_mou_id_foreign" foreign key ("renewed_by_mou_id") references "mou" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "mou_status_change" add constraint "mou_status_change_mou_id_foreign" foreign key ("mou_id") references "mou" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "mou_party" add constraint "mou_party_mou_id_foreign" foreign key ("mou_id") references "mou" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mou_party" add constraint "mou_party_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "mou_obligation" add constraint "mou_obligation_mou_id_foreign" foreign key ("mou_id") references "mou" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mou_obligation" add constraint "mou_obligation_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "job_opening" add constraint "job_opening_mou_id_foreign" foreign key ("mou_id") references "mou" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "job_opening" add constraint "job_opening_employer_party_id_foreign" foreign key ("employer_party_id") references "party" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "job_opening_status_change" add constraint "job_opening_status_change_opening_id_foreign" foreign key ("opening_id") references "job_opening" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "quota" add constraint "quota_mou_id_foreign" foreign key ("mou_id") references "mou" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "candidate" add constraint "candidate_opening_id_foreign" foreign key ("opening_id") references "job_opening" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "candidate" add constraint "candidate_quota_id_foreign" foreign key ("quota_id") references "quota" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "placement" add constraint "placement_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "placement" add constraint "placement_opening_id_foreign" foreign key ("opening_id") references "job_opening" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "placement" add constraint "placement_quota_id_foreign" foreign key ("quota_id") references "quota" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "placement" add constraint "placement_mou_id_foreign" foreign key ("mou_id") references "mou" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "placement" add constraint "placement_employer_party_id_foreign" foreign key ("employer_party_id") references "party" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "placement_status_change" add constraint "placement_status_change_placement_id_foreign" foreign key ("placement_id") references "placement" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "placement_cost_share" add constraint "placement_cost_share_placement_id_foreign" foreign key ("placement_id") references "placement" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "candidate_stage_change" add constraint "candidate_stage_change_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "seat_allocation" add constraint "seat_allocation_quota_id_foreign" foreign key ("quota_id") references "quota" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "seat_allocation" add constraint "seat_allocation_opening_id_foreign" foreign key ("opening_id") references "job_opening" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "seat_allocation" add constraint "seat_allocation_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mou" drop constraint "mou_parent_mou_id_foreign";`);

    this.addSql(`alter table "mou" drop constraint "mou_renewal_of_mou_id_foreign";`);

    this.addSql(`alter table "mou" drop constraint "mou_renewed_by_mou_id_foreign";`);

    this.addSql(`alter table "mou_status_change" drop constraint "mou_status_change_mou_id_foreign";`);

    this.addSql(`alter table "mou_party" drop constraint "mou_party_mou_id_foreign";`);

    this.addSql(`alter table "mou_obligation" drop constraint "mou_obligation_mou_id_foreign";`);

    this.addSql(`alter table "job_opening" drop constraint "job_opening_mou_id_foreign";`);

    this.addSql(`alter table "quota" drop constraint "quota_mou_id_foreign";`);

    this.addSql(`alter table "placement" drop constraint "placement_mou_id_foreign";`);

    this.addSql(`alter table "mou_party" drop constraint "mou_party_party_id_foreign";`);

    this.addSql(`alter table "mou_obligation" drop constraint "mou_obligation_party_id_foreign";`);

    this.addSql(`alter table "job_opening" drop constraint "job_opening_employer_party_id_foreign";`);

    this.addSql(`alter table "placement" drop constraint "placement_employer_party_id_foreign";`);

    this.addSql(`alter table "job_opening_status_change" drop constraint "job_opening_status_change_opening_id_foreign";`);

    this.addSql(`alter table "candidate" drop constraint "candidate_opening_id_foreign";`);

    this.addSql(`alter table "placement" drop constraint "placement_opening_id_foreign";`);

    this.addSql(`alter table "seat_allocation" drop constraint "seat_allocation_opening_id_foreign";`);

    this.addSql(`alter table "candidate" drop constraint "candidate_quota_id_foreign";`);

    this.addSql(`alter table "placement" drop constraint "placement_quota_id_foreign";`);

    this.addSql(`alter table "seat_allocation" drop constraint "seat_allocation_quota_id_foreign";`);

    this.addSql(`alter table "placement" drop constraint "placement_candidate_id_foreign";`);

    this.addSql(`alter table "candidate_stage_change" drop constraint "candidate_stage_change_candidate_id_foreign";`);

    this.addSql(`alter table "seat_allocation" drop constraint "seat_allocation_candidate_id_foreign";`);

    this.addSql(`alter table "placement_status_change" drop constraint "placement_status_change_placement_id_foreign";`);

    this.addSql(`alter table "placement_cost_share" drop constraint "placement_cost_share_placement_id_foreign";`);

    this.addSql(`drop table if exists "mou" cascade;`);

    this.addSql(`drop table if exists "mou_status_change" cascade;`);

    this.addSql(`drop table if exists "party" cascade;`);

    this.addSql(`drop table if exists "mou_party" cascade;`);

    this.addSql(`drop table if exists "mou_obligation" cascade;`);

    this.addSql(`drop table if exists "job_opening" cascade;`);

    this.addSql(`drop table if exists "job_opening_status_change" cascade;`);

    this.addSql(`drop table if exists "quota" cascade;`);

    this.addSql(`drop table if exists "candidate" cascade;`);

    this.addSql(`drop table if exists "placement" cascade;`);

    this.addSql(`drop table if exists "placement_status_change" cascade;`);

    this.addSql(`drop table if exists "placement_cost_share" cascade;`);

    this.addSql(`drop table if exists "candidate_stage_change" cascade;`);

    this.addSql(`drop table if exists "seat_allocation" cascade;`);
  }

}
