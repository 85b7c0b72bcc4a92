import { Migration } from '@mikro-orm/migrations';

/**
 * Financing plans (issue 3 §4, "financing totals by payer"): `financing_plan`, one per candidate, and
 * `financing_plan_facility`, one row per product used (KUR Penempatan PMI, a zero-interest facility, a
 * city grant) with the totals the domain computed, in whole rupiah (bigint). CHECK constraints back
 * the invariants (see persistence/financing-plan.schema.ts). Generated from the entity mappings with
 * `npm run migration:create -- financing_plan 20261129210000`.
 */
export class Migration20261129210000_financing_plan extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "financing_plan" ("id" uuid not null, "candidate_id" uuid not null, "placement_id" uuid null, "as_of" date not null, "contract_months" int null, "placement_costs_idr" bigint null, "has_npwp" boolean not null, "note" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "created_by" varchar(300) not null, "updated_by" varchar(300) not null, constraint "financing_plan_pkey" primary key ("id"), constraint financing_plan_contract_months_check check (contract_months is null or contract_months > 0), constraint financing_plan_placement_costs_check check (placement_costs_idr is null or placement_costs_idr > 0));`);
    this.addSql(`comment on table "financing_plan" is 'How a candidate’s placement costs are financed (one plan per candidate), recorded by an officer';`);
    this.addSql(`alter table "financing_plan" add constraint "financing_plan_candidate_unique" unique ("candidate_id");`);
    this.addSql(`create index "financing_plan_placement_id_idx" on "financing_plan" ("placement_id");`);

    this.addSql(`create table "financing_plan_facility" ("id" serial primary key, "plan_id" uuid not null, "position" int not null, "product_id" text check ("product_id" in ('KUR_PENEMPATAN_PMI', 'ZERO_INTEREST_FACILITY', 'CITY_GRANT')) not null, "financing_kind" text check ("financing_kind" in ('LOAN', 'GRANT')) not null, "payer" text check ("payer" in ('WORKER', 'EMPLOYER', 'P3MI', 'CITY_SUBSIDY', 'APJATI_FACILITY')) not null, "financier" text check ("financier" in ('KUR_BANK', 'APJATI_FACILITY', 'P3MI', 'EMPLOYER', 'CITY_GOVERNMENT', 'OTHER')) not null, "product" jsonb not null, "amount_idr" bigint not null, "annual_rate" varchar(64) not null, "method" text check ("method" in ('ANNUITY', 'FLAT')) not null, "tenor_months" int not null, "grace_months" int not null, "grace_interest" text check ("grace_interest" in ('PAID', 'CAPITALISED')) null, "npwp_required" boolean not null, "instalment_idr" bigint not null, "last_instalment_idr" bigint not null, "capitalised_interest_idr" bigint not null, "interest_idr" bigint not null, "total_paid_idr" bigint not null, constraint financing_plan_facility_amount_check check (amount_idr > 0), constraint financing_plan_facility_months_check check (tenor_months >= 0 and grace_months >= 0 and position >= 0), constraint financing_plan_facility_amounts_check check (instalment_idr >= 0 and last_instalment_idr >= 0 and capitalised_interest_idr >= 0 and interest_idr >= capitalised_interest_idr), constraint financing_plan_facility_kind_check check ((financing_kind = 'LOAN' and tenor_months > grace_months and grace_interest is not null and total_paid_idr = amount_idr + interest_idr) or (financing_kind = 'GRANT' and tenor_months = 0 and grace_months = 0 and grace_interest is null and interest_idr = 0 and total_paid_idr = 0 and instalment_idr = 0 and last_instalment_idr = 0)), constraint financing_plan_facility_product_check check ((product_id = 'KUR_PENEMPATAN_PMI' and financing_kind = 'LOAN' and payer = 'WORKER' and financier = 'KUR_BANK') or (product_id = 'ZERO_INTEREST_FACILITY' and financing_kind = 'LOAN' and payer = 'WORKER' and financier <> 'KUR_BANK' and interest_idr = 0) or (product_id = 'CITY_GRANT' and financing_kind = 'GRANT' and payer = 'CITY_SUBSIDY' and financier = 'CITY_GOVERNMENT')));`);
    this.addSql(`comment on table "financing_plan_facility" is 'Products financing a plan, with the totals computed by the domain when the plan was set (whole rupiah)';`);
    this.addSql(`alter table "financing_plan_facility" add constraint "financing_plan_facility_plan_product_unique" unique ("plan_id", "product_id");`);
    this.addSql(`alter table "financing_plan_facility" add constraint "financing_plan_facility_plan_position_unique" unique ("plan_id", "position");`);

    this.addSql(`alter table "financing_plan" add constraint "financing_plan_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "financing_plan" add constraint "financing_plan_placement_id_foreign" foreign key ("placement_id") references "placement" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "financing_plan_facility" add constraint "financing_plan_facility_plan_id_foreign" foreign key ("plan_id") references "financing_plan" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "financing_plan_facility" drop constraint "financing_plan_facility_plan_id_foreign";`);

    this.addSql(`drop table if exists "financing_plan" cascade;`);

    this.addSql(`drop table if exists "financing_plan_facility" cascade;`);
  }

}
