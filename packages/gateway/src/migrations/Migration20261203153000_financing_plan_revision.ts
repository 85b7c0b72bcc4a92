import { Migration } from '@mikro-orm/migrations';

/**
 * The history of financing plans (issue 8 §1, issue 12): `setFinancingPlan` replaces a plan in place
 * and `removeFinancingPlan` deletes it, so `financing_plan` only knows the current state. The protected
 * view of `financingTotals` is computed at month ends from the plans as they stood then, so every set
 * and every removal also appends a revision (`financing_plan_revision`: the candidate, the instant on
 * the gateway's clock, whether the plan was removed) with the figures of each product used then
 * (`financing_plan_revision_facility`: payer, financier, kind, principal, interest, total repaid).
 * Append-only through the API: nothing updates or deletes a revision (a candidate's deletion cascades).
 *
 * Backfill: a plan that exists when this migration runs is known only in its current state, which holds
 * since its `updated_at`: it gets one revision at that instant. Earlier states were not recorded and are
 * not invented (a plan changed before this migration counts from its last change only).
 */
export class Migration20261203153000_financing_plan_revision extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "financing_plan_revision" ("id" bigserial primary key, "candidate_id" uuid not null, "at" timestamptz not null, "removed" boolean not null default false);`);
    this.addSql(`comment on table "financing_plan_revision" is 'History of financing plans: one row per set or removal, at the gateway clock instant (append-only through the API)';`);
    this.addSql(`create index "financing_plan_revision_candidate_at_idx" on "financing_plan_revision" ("candidate_id", "at", "id");`);
    this.addSql(`alter table "financing_plan_revision" add constraint "financing_plan_revision_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade;`);
    this.addSql(`create table "financing_plan_revision_facility" ("id" bigserial primary key, "revision_id" bigint not null, "product_id" text check ("product_id" in ('KUR_PENEMPATAN_PMI', 'ZERO_INTEREST_FACILITY', 'CITY_GRANT')) not null, "financing_kind" text check ("financing_kind" in ('LOAN', 'GRANT')) not null, "payer" text not null, "financier" text not null, "amount_idr" bigint not null, "interest_idr" bigint not null, "total_paid_idr" bigint not null, constraint financing_plan_revision_facility_amounts_check check (amount_idr > 0 and interest_idr >= 0 and total_paid_idr >= 0));`);
    this.addSql(`alter table "financing_plan_revision_facility" add constraint "financing_plan_revision_facility_revision_product_unique" unique ("revision_id", "product_id");`);
    this.addSql(`comment on table "financing_plan_revision_facility" is 'The products of a financing plan revision with their figures (whole rupiah)';`);
    this.addSql(`alter table "financing_plan_revision_facility" add constraint "financing_plan_revision_facility_revision_id_foreign" foreign key ("revision_id") references "financing_plan_revision" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "financing_plan_revision" ("candidate_id", "at") select "candidate_id", "updated_at" from "financing_plan" order by "updated_at", "id";`);
    this.addSql(
      `insert into "financing_plan_revision_facility" ("revision_id", "product_id", "financing_kind", "payer", "financier", "amount_idr", "interest_idr", "total_paid_idr") ` +
        `select r."id", f."product_id", f."financing_kind", f."payer", f."financier", f."amount_idr", f."interest_idr", f."total_paid_idr" ` +
        `from "financing_plan_revision" r join "financing_plan" p on p."candidate_id" = r."candidate_id" join "financing_plan_facility" f on f."plan_id" = p."id";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "financing_plan_revision_facility" cascade;`);
    this.addSql(`drop table if exists "financing_plan_revision" cascade;`);
  }

}
