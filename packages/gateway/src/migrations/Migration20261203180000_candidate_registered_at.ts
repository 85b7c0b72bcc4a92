import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 (aggregates at 100,000 candidates): the registration instant stored on the candidate row,
 * `candidate.registered_at`. Its definition does not change (it was read-models/sql-filter.ts
 * `registeredAtSql`, a sub-query per candidate in every point-in-time aggregate): the candidate's
 * first stage change (`min(candidate_stage_change.at)`), or its `created_at` when it has no history.
 * The column is that value, kept by the database so that no write path (the use cases, the CSV
 * import, the demo seed, bench seeding, raw SQL, a test backdating `at` or `created_at`) can forget it:
 *
 * - BEFORE INSERT OR UPDATE OF created_at, registered_at on `candidate`, per row: the value is derived
 *   from the history and `created_at` (whatever the statement wrote into it);
 * - AFTER INSERT / UPDATE / DELETE on `candidate_stage_change`, per statement (transition tables, so
 *   that bulk seeding stays one INSERT … SELECT): the candidates whose first change moved are
 *   recomputed (an UPDATE OF registered_at, which the row trigger derives again);
 * - existing candidates are back-filled here with the same expression.
 *
 * Nullable only because the ORM inserts a candidate without it (the row trigger sets it, from a
 * `created_at` that is never null); indexed for the `registered` range of the officers' list.
 */
export class Migration20261203180000_candidate_registered_at extends Migration {
  override up(): void {
    this.addSql(`alter table "candidate" add column "registered_at" timestamptz null;`);
    this.addSql(
      `comment on column "candidate"."registered_at" is 'Registration instant: the first stage change, else created_at; derived by triggers (candidate_registered_at_*), never written by the application';`,
    );
    this.addSql(`update "candidate" c set "registered_at" = coalesce((select min(h.at) from candidate_stage_change h where h.candidate_id = c.id), c.created_at);`);
    this.addSql(
      `create function "candidate_registered_at_derive"() returns trigger language plpgsql as $$ begin ` +
        `new.registered_at := coalesce((select min(h.at) from candidate_stage_change h where h.candidate_id = new.id), new.created_at); ` +
        `return new; end; $$;`,
    );
    this.addSql(
      `create trigger "candidate_registered_at_derive" before insert or update of created_at, registered_at on "candidate" for each row execute function "candidate_registered_at_derive"();`,
    );
    // one function for the three statement triggers (a trigger with transition tables has one event)
    this.addSql(
      `create function "candidate_registered_at_on_history"() returns trigger language plpgsql as $$ begin ` +
        // an insert moves the first change only to an earlier instant, or sets it on a candidate that
        // had no history (its value was created_at, which no history row is at or before): the common
        // case (a registration's first change at the candidate's created_at) updates nothing
        `if tg_op = 'INSERT' then ` +
        `update candidate c set registered_at = c.registered_at from (select n.candidate_id, min(n.at) as first from new_rows n group by n.candidate_id) m ` +
        `where c.id = m.candidate_id and (m.first < c.registered_at or (m.first > c.registered_at and not exists ` +
        `(select 1 from candidate_stage_change h where h.candidate_id = c.id and h.at <= c.registered_at))); ` +
        `elsif tg_op = 'UPDATE' then ` +
        `update candidate c set registered_at = c.registered_at ` +
        `where c.id in (select n.candidate_id from new_rows n union select o.candidate_id from old_rows o); ` +
        `else ` +
        `update candidate c set registered_at = c.registered_at where c.id in (select o.candidate_id from old_rows o); ` +
        `end if; return null; end; $$;`,
    );
    for (const [event, referencing] of [
      ['insert', 'new table as new_rows'],
      ['update', 'old table as old_rows new table as new_rows'],
      ['delete', 'old table as old_rows'],
    ] as const) {
      this.addSql(
        `create trigger "candidate_registered_at_on_history_${event}" after ${event} on "candidate_stage_change" referencing ${referencing} ` +
          `for each statement execute function "candidate_registered_at_on_history"();`,
      );
    }
    this.addSql(`create index "candidate_registered_at_idx" on "candidate" ("registered_at");`);
  }

  override down(): void {
    for (const event of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists "candidate_registered_at_on_history_${event}" on "candidate_stage_change";`);
    this.addSql(`drop trigger if exists "candidate_registered_at_derive" on "candidate";`);
    this.addSql(`drop function if exists "candidate_registered_at_on_history"();`);
    this.addSql(`drop function if exists "candidate_registered_at_derive"();`);
    this.addSql(`alter table "candidate" drop column if exists "registered_at";`);
  }
}
