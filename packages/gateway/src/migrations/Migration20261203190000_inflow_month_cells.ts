import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 (aggregates at 100,000 candidates): the monthly inflow cells of closed months, kept.
 *
 * The protected `candidateCounts`, `costPerPlacement`, `upfrontCashOverLine` and the payer tables check
 * their stocks against the monthly inflows `trends` publishes (read-models/stock-flow.read-model.ts
 * `readMonthlyInflows`: series × stage × month × kecamatan × occupation × route, with the profile as
 * known at each month's end), read from the first event up to the reference date: 1.3 s at 30,000
 * demo candidates, 6.1 s at 100,000, for figures of months that are over. The cells of a month are
 * kept here once computed (per series key: a series, and for STAGE_ENTRIES its stages), as a prefix:
 * `inflow_month_kept.through` says every month up to it is in `inflow_month_cell` (a month without
 * events has no cell). Only months up to the reader's reference date, a passed month end, are kept:
 * never the open month.
 *
 * EXACT, whatever writes: a month's cells depend on the rows of four tables only —
 * `candidate_stage_change` (candidate_id, to_stage, at), `placement` (candidate_id, allocated_on and the
 * seat's "kept by the month's end" test on cancelled_on and status, departed_on, returned_on),
 * `candidate_attribute_history` (the profile at each month end: `profileAtJoin`) and `candidate` (the
 * join, and its current kecamatan / target occupation / route for a candidate without any history
 * row). Statement-level AFTER triggers on each (INSERT, UPDATE, DELETE with transition tables; and
 * TRUNCATE) call `inflow_month_invalidate(f)` with the earliest month the statement can have changed
 * (old and new row values both), which drops every kept month from `f` on:
 *
 * - a stage change: the WIB month of its `at` (old and new), when candidate_id, to_stage or at differ;
 * - a placement: the month of each of its events that changed (the seat's allocation month when
 *   allocated_on, or whether the seat was kept by that month's end — `SEAT_KEPT_BY_MONTH_END` in
 *   trends.read-model.ts, repeated here — changed; departed_on; returned_on; all of them when the
 *   candidate changed): recording a departure today or a cancellation after the allocation month moves
 *   no closed month and drops nothing;
 * - a profile history row (inserted, deleted, its valid_from corrected): the WIB month of valid_from,
 *   or from the beginning when it is (or was) its candidate's first row (the first row counts from the
 *   beginning), but never before that candidate's first event (a candidate's profile only labels its
 *   own events; a candidate without events drops nothing);
 * - a candidate whose kecamatan, target occupation or route (or id) changed and that has no history
 *   row (its events are labelled with its current columns): from its first event;
 * - TRUNCATE of any of them: everything.
 *
 * Concurrency (READ COMMITTED, PostgreSQL's default and the gateway's): a fill (the reader, in its own
 * transaction) first takes the single row of `inflow_month_fill_lock` FOR UPDATE SKIP LOCKED, bumps it,
 * and only then computes the missing months and inserts them, all in that transaction; every
 * invalidation first takes the same row FOR SHARE (held to its transaction's end). So:
 *
 * - a writer whose trigger ran before the fill started still holds FOR SHARE: the fill gets no row
 *   (SKIP LOCKED) and keeps nothing that time (the reader computes those months afresh, as before);
 * - a writer whose trigger comes after the fill took the row waits for the fill's commit; the fill's
 *   statements did not see its uncommitted rows, and its invalidation, run after the fill committed
 *   (each statement of the trigger takes a new snapshot), drops what the fill kept from `f` on;
 * - a writer that committed before the fill took the row is seen by the fill's computation (taken in
 *   a later statement). So at every commit, the kept months equal a computation from scratch.
 * - Two fills never run at once (the second gets no row and keeps nothing); the kept row is upserted
 *   and the cells have a unique key, so nothing can be kept twice.
 * - Invalidating writers lock the kept rows (in key order) before deleting cells, so two of them never
 *   deadlock on the cells; a writer whose `f` is after every kept month (today's writes) locks no kept
 *   row and deletes nothing, only the shared row (writers do not wait for each other on it).
 * - A writer in REPEATABLE READ or SERIALIZABLE whose snapshot predates a fill's commit gets a
 *   serialization failure on FOR SHARE (the fill updated the row) and retries, rather than missing the
 *   kept rows it should drop. Writes with triggers disabled (session_replication_role = replica) are
 *   not seen: TRUNCATE inflow_month_kept after such a load.
 *
 * The cost of a write: one statement trigger per statement on those tables (a few index look-ups per
 * changed row, for profile rows and candidates their first event); while a fill runs (seconds for the
 * first one of a large database, then one month a month), writes to them wait for it.
 */
export class Migration20261203190000_inflow_month_cells extends Migration {
  override up(): void {
    this.addSql(`create table "inflow_month_fill_lock" ("id" smallint not null default 1, "fills" bigint not null default 0, constraint "inflow_month_fill_lock_pkey" primary key ("id"), constraint "inflow_month_fill_lock_one" check ("id" = 1));`);
    this.addSql(`insert into "inflow_month_fill_lock" ("id", "fills") values (1, 0);`);
    this.addSql(`create table "inflow_month_kept" ("series_key" text not null, "through" date null, constraint "inflow_month_kept_pkey" primary key ("series_key"));`);
    this.addSql(
      `create table "inflow_month_cell" ("series_key" text not null, "month" date not null, "series" text not null, "stage" text null, ` +
        `"kecamatan" text null, "occupation" text null, "route" text null, "n" integer not null);`,
    );
    this.addSql(`create unique index "inflow_month_cell_key" on "inflow_month_cell" ("series_key", "month", "series", "stage", "kecamatan", "occupation", "route") nulls not distinct;`);
    this.addSql(`create index "inflow_month_cell_month_idx" on "inflow_month_cell" ("month");`);
    this.addSql(
      `comment on table "inflow_month_cell" is 'Kept monthly inflow cells of closed months (stock-flow.read-model.ts readMonthlyInflows); derived, dropped by triggers on the tables they are computed from; may be truncated at any time';`,
    );

    this.addSql(
      `create function "inflow_month_invalidate"(f date) returns void language plpgsql as $$ begin ` +
        `if f is null then return; end if; ` +
        `perform 1 from inflow_month_fill_lock where id = 1 for share; ` +
        `if exists (select 1 from inflow_month_kept where through >= f) then ` +
        `perform 1 from inflow_month_kept order by series_key for update; ` +
        `delete from inflow_month_cell where month >= f; ` +
        `update inflow_month_kept set through = case when f <= date '1900-01-01' then null else (f - interval '1 month')::date end where through >= f; ` +
        `end if; end; $$;`,
    );

    // the first month any event of candidate `x` counts in (null: none)
    const firstEvent = (x: string) =>
      `(select least(` +
      `(select date_trunc('month', min(h.at) at time zone 'Asia/Jakarta')::date from candidate_stage_change h where h.candidate_id = ${x}), ` +
      `(select date_trunc('month', least(min(p.allocated_on), min(p.departed_on), min(p.returned_on))::timestamp)::date from placement p where p.candidate_id = ${x})))`;
    const wibMonth = (instant: string) => `date_trunc('month', ${instant} at time zone 'Asia/Jakarta')::date`;

    // candidate_stage_change: the month of each changed row (old and new)
    const stage = (rows: string) => `(select r.id, r.candidate_id, r.to_stage, ${wibMonth('r.at')} as m from ${rows} r)`;
    this.addSql(
      `create function "inflow_month_on_stage_change"() returns trigger language plpgsql as $$ declare f date; begin ` +
        `if tg_op = 'TRUNCATE' then perform inflow_month_invalidate('-infinity'); return null; end if; ` +
        `if tg_op = 'INSERT' then select min(n.m) into f from ${stage('new_rows')} n; ` +
        `elsif tg_op = 'DELETE' then select min(o.m) into f from ${stage('old_rows')} o; ` +
        `else select min(least(o.m, n.m)) into f from ${stage('old_rows')} o full join ${stage('new_rows')} n on n.id = o.id ` +
        `where (o.candidate_id, o.to_stage, o.m) is distinct from (n.candidate_id, n.to_stage, n.m); end if; ` +
        `perform inflow_month_invalidate(f); return null; end; $$;`,
    );

    // placement: its events (the seat when kept by its allocation month's end, the departure, the return)
    const seatKept = `(r.cancelled_on is null or r.cancelled_on >= (date_trunc('month', r.allocated_on::timestamp) + interval '1 month')::date) and not (r.status = 'CANCELLED' and r.cancelled_on is null)`;
    const placement = (rows: string) =>
      `(select r.id, r.candidate_id, case when ${seatKept} then r.allocated_on end as s, r.departed_on as d, r.returned_on as rt from ${rows} r)`;
    const month = (d: string) => `date_trunc('month', ${d}::timestamp)::date`;
    this.addSql(
      `create function "inflow_month_on_placement"() returns trigger language plpgsql as $$ declare f date; begin ` +
        `if tg_op = 'TRUNCATE' then perform inflow_month_invalidate('-infinity'); return null; end if; ` +
        `if tg_op = 'INSERT' then select ${month('min(least(n.s, n.d, n.rt))')} into f from ${placement('new_rows')} n; ` +
        `elsif tg_op = 'DELETE' then select ${month('min(least(o.s, o.d, o.rt))')} into f from ${placement('old_rows')} o; ` +
        `else select ${month(
          'min(least(' +
            'case when o.candidate_id is distinct from n.candidate_id then least(o.s, o.d, o.rt, n.s, n.d, n.rt) end, ' +
            'case when o.s is distinct from n.s then least(o.s, n.s) end, ' +
            'case when o.d is distinct from n.d then least(o.d, n.d) end, ' +
            'case when o.rt is distinct from n.rt then least(o.rt, n.rt) end))',
        )} into f from ${placement('old_rows')} o full join ${placement('new_rows')} n on n.id = o.id; end if; ` +
        `perform inflow_month_invalidate(f); return null; end; $$;`,
    );

    // candidate_attribute_history: from the month of valid_from, or from the beginning for a first row,
    // but not before the candidate's first event (null when it has none)
    const versions = (rows: string) =>
      `(select r.candidate_id, case when not exists (select 1 from candidate_attribute_history h where h.candidate_id = r.candidate_id and (h.valid_from, h.id) < (r.valid_from, r.id)) ` +
      `then '-infinity'::date else ${wibMonth('r.valid_from')} end as m from ${rows} r)`;
    const fromVersions = (set: string) =>
      `select min(case when e.first is null then null else greatest(v.m, e.first) end) into f from ${set} v cross join lateral (select ${firstEvent('v.candidate_id')} as first) e`;
    this.addSql(
      `create function "inflow_month_on_attribute_history"() returns trigger language plpgsql as $$ declare f date; begin ` +
        `if tg_op = 'TRUNCATE' then perform inflow_month_invalidate('-infinity'); return null; end if; ` +
        `if tg_op = 'INSERT' then ${fromVersions(versions('new_rows'))}; ` +
        `elsif tg_op = 'DELETE' then ${fromVersions(versions('old_rows'))}; ` +
        `else ${fromVersions(
          `(select x.candidate_id, x.m from ${versions(
            `(select * from old_rows o where not exists (select 1 from new_rows n where n.id = o.id and (n.candidate_id, n.valid_from, n.kecamatan, n.target_occupation, n.target_route) is not distinct from (o.candidate_id, o.valid_from, o.kecamatan, o.target_occupation, o.target_route)))`,
          )} x union all select y.candidate_id, y.m from ${versions(
            `(select * from new_rows n where not exists (select 1 from old_rows o where o.id = n.id and (n.candidate_id, n.valid_from, n.kecamatan, n.target_occupation, n.target_route) is not distinct from (o.candidate_id, o.valid_from, o.kecamatan, o.target_occupation, o.target_route)))`,
          )} y)`,
        )}; end if; ` +
        `perform inflow_month_invalidate(f); return null; end; $$;`,
    );

    // candidate: the join, and the current columns of a candidate without any history row
    const candidates = (rows: string) => `(select r.id, r.kecamatan, r.target_occupation, r.target_route from ${rows} r)`;
    const fromCandidates = (set: string) =>
      `select min(${firstEvent('x.id')}) into f from (${set}) x where not exists (select 1 from candidate_attribute_history h where h.candidate_id = x.id)`;
    this.addSql(
      `create function "inflow_month_on_candidate"() returns trigger language plpgsql as $$ declare f date; begin ` +
        `if tg_op = 'TRUNCATE' then perform inflow_month_invalidate('-infinity'); return null; end if; ` +
        `if tg_op = 'INSERT' then ${fromCandidates(`select n.id from new_rows n`)}; ` +
        `elsif tg_op = 'DELETE' then ${fromCandidates(`select o.id from old_rows o`)}; ` +
        `else ${fromCandidates(
          `select id from (select * from ${candidates('new_rows')} a except select * from ${candidates('old_rows')} b) c ` +
            `union select id from (select * from ${candidates('old_rows')} a except select * from ${candidates('new_rows')} b) d`,
        )}; end if; ` +
        // a candidate's own row goes after its history (ON DELETE CASCADE): its events are gone with it
        `perform inflow_month_invalidate(f); return null; end; $$;`,
    );

    for (const [table, fn] of TRIGGERED) {
      for (const [event, referencing] of [
        ['insert', 'referencing new table as new_rows'],
        ['update', 'referencing old table as old_rows new table as new_rows'],
        ['delete', 'referencing old table as old_rows'],
      ] as const) {
        this.addSql(`create trigger "inflow_month_${event}" after ${event} on "${table}" ${referencing} for each statement execute function "${fn}"();`);
      }
      this.addSql(`create trigger "inflow_month_truncate" after truncate on "${table}" for each statement execute function "${fn}"();`);
    }
  }

  override down(): void {
    for (const [table] of TRIGGERED) for (const event of ['insert', 'update', 'delete', 'truncate']) this.addSql(`drop trigger if exists "inflow_month_${event}" on "${table}";`);
    for (const [, fn] of TRIGGERED) this.addSql(`drop function if exists "${fn}"();`);
    this.addSql(`drop function if exists "inflow_month_invalidate"(date);`);
    this.addSql(`drop table if exists "inflow_month_cell";`);
    this.addSql(`drop table if exists "inflow_month_kept";`);
    this.addSql(`drop table if exists "inflow_month_fill_lock";`);
  }
}

const TRIGGERED: ReadonlyArray<readonly [string, string]> = [
  ['candidate_stage_change', 'inflow_month_on_stage_change'],
  ['placement', 'inflow_month_on_placement'],
  ['candidate_attribute_history', 'inflow_month_on_attribute_history'],
  ['candidate', 'inflow_month_on_candidate'],
];
