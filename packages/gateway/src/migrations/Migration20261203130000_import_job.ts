import { Migration } from '@mikro-orm/migrations';

/**
 * Imports over HTTP (issue 11, http/imports-route.ts): one row per import, so that its progress can
 * be asked for from any replica (`importProgress`) and a client that repeats a request with the same
 * import id (`Idempotency-Key`) gets the first answer back instead of a second run.
 * - `phase`: VALIDATING (the file received, being read and checked), WRITING (batches being
 *   committed), DONE (a report exists; it may say that nothing was written), FAILED (the file was
 *   refused, a batch failed, or the gateway stopped: `error_code`, and the report when there is one).
 * - `rows_done` / `rows_total`: rows validated so far (total unknown until the file is read), then
 *   rows written of the rows to write.
 * - `report`: the import report (import/report.ts) once there is one; it names rows, columns and
 *   codes, never a submitted value.
 * - `file_sha256`: the body's hash, to tell a repeated request from another file under the same id.
 * Plain table written with raw SQL (import/import-job.ts), like the security tables.
 */
export class Migration20261203130000_import_job extends Migration {
  override up(): void {
    this.addSql(
      `create table "import_job" (` +
        `"id" uuid not null, ` +
        `"kind" varchar(40) not null, ` +
        `"actor" varchar(200) not null, ` +
        `"mode" varchar(20) not null, ` +
        `"format" varchar(10) not null, ` +
        `"file_name" varchar(255) null, ` +
        `"file_sha256" char(64) not null, ` +
        `"size_bytes" integer not null, ` +
        `"phase" varchar(20) not null, ` +
        `"rows_done" integer not null default 0, ` +
        `"rows_total" integer null, ` +
        `"report" jsonb null, ` +
        `"error_code" varchar(80) null, ` +
        `"request_id" varchar(200) null, ` +
        `"started_at" timestamptz not null, ` +
        `"updated_at" timestamptz not null, ` +
        `"finished_at" timestamptz null, ` +
        `constraint "import_job_pkey" primary key ("id"), ` +
        `constraint "import_job_phase_valid" check ("phase" in ('VALIDATING', 'WRITING', 'DONE', 'FAILED')), ` +
        `constraint "import_job_mode_valid" check ("mode" in ('ALL_OR_NOTHING', 'SKIP_INVALID', 'DRY_RUN')), ` +
        `constraint "import_job_format_valid" check ("format" in ('csv', 'xlsx')), ` +
        `constraint "import_job_rows_valid" check ("rows_done" >= 0 and ("rows_total" is null or "rows_total" >= 0))` +
        `);`,
    );
    this.addSql(`comment on table "import_job" is 'Spreadsheet imports over HTTP and their progress (import/import-job.ts); no personal values';`);
    this.addSql(`create index "import_job_actor_started_at_idx" on "import_job" ("actor", "started_at");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "import_job";`);
  }
}
