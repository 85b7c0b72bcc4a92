import { Migration } from '@mikro-orm/migrations';

/**
 * The history of the profile dimensions the aggregates group and filter by (privacy gap d: a closed
 * period's protected figures must not move when one person's profile changes later). The columns of
 * `candidate` that copy them (sex, birth_date, kecamatan, education, target_occupation, target_route)
 * hold the current values only; `candidate_attribute_history` keeps every set of values with the
 * instant from which the gateway knew it (`valid_from`, transaction time):
 *
 * - written by triggers on `candidate`, so that no write path (the use cases, the CSV import, the
 *   demo seed, bench seeding, raw SQL) can forget it: AFTER INSERT (one statement-level trigger with
 *   a transition table, so bulk seeding stays one INSERT … SELECT) writes the first values with
 *   `valid_from` = the row's `created_at`; AFTER UPDATE OF those columns, when one of them really
 *   changed, a new row with `valid_from` = the row's new `updated_at` (the gateway's clock, as every
 *   other recorded instant), or the statement's time when the write did not set `updated_at`, never
 *   before the candidate's last history row;
 * - existing candidates get one row each, `valid_from` = their registration instant (the first stage
 *   change, else `created_at`: sql-filter.ts `registeredAtSql`);
 * - append-only: an UPDATE that changes anything but `valid_from` is refused (a value is corrected by
 *   a new row, never by rewriting an old one), and so is a DELETE while the candidate exists; rows go
 *   with their candidate (ON DELETE CASCADE: an erased person's history goes too). `valid_from`
 *   stays writable so that tests and a data repair can backdate a change, as tests backdate
 *   `candidate_stage_change.at`.
 *
 * Reading (read-models/sql-filter.ts `profileAtJoin`): the values in force at an instant are those of
 * the latest row with `valid_from` before it; a candidate's first row counts from the beginning (it
 * holds the values the person registered with, whatever `created_at` was later backdated to).
 * Plain table read and written with raw SQL only (no entity), like the security tables.
 */
export class Migration20261203150000_candidate_attribute_history extends Migration {
  override up(): void {
    this.addSql(
      `create table "candidate_attribute_history" (` +
        `"id" bigint generated always as identity, ` +
        `"candidate_id" uuid not null, ` +
        `"valid_from" timestamptz not null, ` +
        `"sex" text null, ` +
        `"birth_date" date null, ` +
        `"kecamatan" text null, ` +
        `"education" text null, ` +
        `"target_occupation" text null, ` +
        `"target_route" text null, ` +
        `constraint "candidate_attribute_history_pkey" primary key ("id"), ` +
        `constraint "candidate_attribute_history_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade);`,
    );
    this.addSql(`create index "candidate_attribute_history_candidate_valid_from_idx" on "candidate_attribute_history" ("candidate_id", "valid_from");`);
    this.addSql(
      `comment on table "candidate_attribute_history" is 'The grouping dimensions of each candidate (sex, birth date, kecamatan, education, target occupation and route) from the instant the gateway knew them; written by triggers on candidate, append-only';`,
    );
    this.addSql(
      `insert into "candidate_attribute_history" ("candidate_id", "valid_from", "sex", "birth_date", "kecamatan", "education", "target_occupation", "target_route") ` +
        `select c.id, coalesce((select min(h.at) from candidate_stage_change h where h.candidate_id = c.id), c.created_at), c.sex, c.birth_date, c.kecamatan, c.education, c.target_occupation, c.target_route from candidate c;`,
    );
    this.addSql(
      `create function "candidate_attribute_history_on_insert"() returns trigger language plpgsql as $$ begin ` +
        `insert into candidate_attribute_history (candidate_id, valid_from, sex, birth_date, kecamatan, education, target_occupation, target_route) ` +
        `select n.id, n.created_at, n.sex, n.birth_date, n.kecamatan, n.education, n.target_occupation, n.target_route from new_rows n; ` +
        `return null; end; $$;`,
    );
    this.addSql(
      `create trigger "candidate_attribute_history_insert" after insert on "candidate" referencing new table as new_rows ` +
        `for each statement execute function "candidate_attribute_history_on_insert"();`,
    );
    this.addSql(
      `create function "candidate_attribute_history_on_update"() returns trigger language plpgsql as $$ begin ` +
        `insert into candidate_attribute_history (candidate_id, valid_from, sex, birth_date, kecamatan, education, target_occupation, target_route) ` +
        `values (new.id, greatest(case when new.updated_at is distinct from old.updated_at then new.updated_at else statement_timestamp() end, ` +
        `(select max(h.valid_from) from candidate_attribute_history h where h.candidate_id = new.id)), ` +
        `new.sex, new.birth_date, new.kecamatan, new.education, new.target_occupation, new.target_route); ` +
        `return null; end; $$;`,
    );
    this.addSql(
      `create trigger "candidate_attribute_history_update" after update of sex, birth_date, kecamatan, education, target_occupation, target_route on "candidate" for each row ` +
        `when (old.sex is distinct from new.sex or old.birth_date is distinct from new.birth_date or old.kecamatan is distinct from new.kecamatan ` +
        `or old.education is distinct from new.education or old.target_occupation is distinct from new.target_occupation or old.target_route is distinct from new.target_route) ` +
        `execute function "candidate_attribute_history_on_update"();`,
    );
    this.addSql(
      `create function "candidate_attribute_history_refuse_rewrite"() returns trigger language plpgsql as $$ begin ` +
        `if tg_op = 'DELETE' then ` +
        `if exists (select 1 from candidate c where c.id = old.candidate_id) then ` +
        `raise exception 'candidate_attribute_history is append-only: DELETE refused (rows go with their candidate)' using errcode = 'insufficient_privilege'; end if; ` +
        `return old; end if; ` +
        `if (to_jsonb(new) - 'valid_from') is distinct from (to_jsonb(old) - 'valid_from') then ` +
        `raise exception 'candidate_attribute_history is append-only: only valid_from may be corrected (record a new value instead)' using errcode = 'insufficient_privilege'; end if; ` +
        `return new; end; $$;`,
    );
    this.addSql(
      `create trigger "candidate_attribute_history_no_rewrite" before update or delete on "candidate_attribute_history" for each row execute function "candidate_attribute_history_refuse_rewrite"();`,
    );
  }

  override down(): void {
    this.addSql(`drop trigger if exists "candidate_attribute_history_insert" on "candidate";`);
    this.addSql(`drop trigger if exists "candidate_attribute_history_update" on "candidate";`);
    this.addSql(`drop table if exists "candidate_attribute_history" cascade;`);
    this.addSql(`drop function if exists "candidate_attribute_history_on_insert"();`);
    this.addSql(`drop function if exists "candidate_attribute_history_on_update"();`);
    this.addSql(`drop function if exists "candidate_attribute_history_refuse_rewrite"();`);
  }
}
