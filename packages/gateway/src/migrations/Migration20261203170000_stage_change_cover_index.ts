import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 (aggregates at 100,000 candidates): a covering index on the stage history,
 * (`candidate_id`, `sequence`) with `at` and `to_stage` included. The history expressions of
 * read-models/sql-filter.ts (`registeredAtSql`: the first `at`; `stageOnSql`: the last `to_stage` by
 * sequence before an instant) and the funnel's next registration are read per candidate: with it they
 * are index-only scans instead of a bitmap heap scan and a sort per candidate; the per-candidate
 * windows over the whole history (`partition by candidate_id order by sequence`: stage periods,
 * stageDurations) read it in order instead of sorting the table.
 */
export class Migration20261203170000_stage_change_cover_index extends Migration {
  override up(): void {
    this.addSql(
      `create index "candidate_stage_change_candidate_sequence_cover_idx" on "candidate_stage_change" ("candidate_id", "sequence") include ("at", "to_stage");`,
    );
  }

  override down(): void {
    this.addSql(`drop index "candidate_stage_change_candidate_sequence_cover_idx";`);
  }
}
