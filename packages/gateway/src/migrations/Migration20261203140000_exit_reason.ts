import { Migration } from '@mikro-orm/migrations';

/**
 * Exit reason codes (issue 12: the funnel's exits "with their reason codes"): `candidate_stage_change`
 * gains a nullable `reason`, one of the domain's CANDIDATE_EXIT_REASONS (candidate-exit-reasons.ts),
 * and only on a change into WITHDRAWN or REJECTED. Rows written before it keep null (no code was
 * recorded); the domain reads them as `reason: null`.
 */
export class Migration20261203140000_exit_reason extends Migration {
  override up(): void {
    this.addSql(
      `alter table "candidate_stage_change" add column "reason" text check ("reason" in ('PERSONAL', 'FAMILY', 'HEALTH', 'OTHER_JOB', 'COST', 'NO_CONTACT', 'OTHER', 'NOT_ELIGIBLE', 'TEST_FAILED', 'MEDICAL_UNFIT', 'DOCUMENTS_INCOMPLETE', 'CONDUCT')) null;`,
    );
    this.addSql(
      `alter table "candidate_stage_change" add constraint "candidate_stage_change_reason_on_exit_check" check (reason is null or to_stage = 'WITHDRAWN' or to_stage = 'REJECTED');`,
    );
  }

  override down(): void {
    this.addSql(`alter table "candidate_stage_change" drop constraint "candidate_stage_change_reason_on_exit_check";`);
    this.addSql(`alter table "candidate_stage_change" drop column "reason";`);
  }
}
