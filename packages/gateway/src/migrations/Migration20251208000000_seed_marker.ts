import { Migration } from '@mikro-orm/migrations';

/** The seed marker table (see persistence/seed-run.schema.ts). */
export class Migration20251208000000_seed_marker extends Migration {
  override up(): void {
    this.addSql(
      `create table "seed_run" ("name" varchar(100) not null, "applied_at" timestamptz not null default now(), "summary" text not null, constraint "seed_run_pkey" primary key ("name"));`,
    );
    this.addSql(`comment on table "seed_run" is 'Seeds that have been loaded (one row each); the seed never runs twice';`);
  }

  override down(): void {
    this.addSql(`drop table if exists "seed_run" cascade;`);
  }
}
