import { Migration } from '@mikro-orm/migrations';

/**
 * The city's up-front cash line as a program setting (issue 12): `upfront_cash_line`, one row per
 * setting (its order `sequence`, amount in whole rupiah, effective date, source, who set it and when). History is kept:
 * setting a new value adds a row, and triggers refuse UPDATE and DELETE, so the line in force on any
 * past date stays answerable (see persistence/upfront-cash-line.schema.ts).
 */
export class Migration20261203121500_upfront_cash_line extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "upfront_cash_line" ("id" uuid not null, "sequence" int not null, "amount_idr" bigint not null, "effective_from" date not null, "source" text not null, "set_by" varchar(300) not null, "set_at" timestamptz not null, constraint "upfront_cash_line_pkey" primary key ("id"), constraint upfront_cash_line_amount_check check (amount_idr > 0), constraint upfront_cash_line_sequence_check check (sequence > 0), constraint upfront_cash_line_source_check check (length(btrim(source)) > 0));`);
    this.addSql(`alter table "upfront_cash_line" add constraint "upfront_cash_line_sequence_unique" unique ("sequence");`);
    this.addSql(`comment on table "upfront_cash_line" is 'The city’s up-front cash line (no resident sells belongings), whole rupiah, with its effective date, source and who set it; history kept';`);
    this.addSql(`create index "upfront_cash_line_effective_from_idx" on "upfront_cash_line" ("effective_from");`);
    this.addSql(
      `create or replace function "upfront_cash_line_refuse_change"() returns trigger language plpgsql as $$ ` +
        `begin raise exception 'upfront_cash_line keeps its history: % refused (set a new value instead)', tg_op using errcode = 'insufficient_privilege'; end; $$;`,
    );
    this.addSql(
      `create trigger "upfront_cash_line_no_update_delete" before update or delete on "upfront_cash_line" ` +
        `for each row execute function "upfront_cash_line_refuse_change"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "upfront_cash_line" cascade;`);
    this.addSql(`drop function if exists "upfront_cash_line_refuse_change"();`);
  }

}
