import { Migration } from '@mikro-orm/migrations';

/**
 * Access control and audit (security/README.md):
 * - `api_key`: API keys for municipal apps, stored only as a SHA-256 hash of their 256-bit secret.
 * - `audit_log`: one row per mutation, written in the mutation's transaction; append-only, enforced by
 *   triggers that refuse UPDATE, DELETE and TRUNCATE for every database role (the API has no path to
 *   change it, and neither has a bug in the gateway).
 * No `?` in this SQL: MikroORM would read it as a parameter placeholder.
 */
export class Migration20261129200000_security extends Migration {
  override up(): void {
    this.addSql(
      `create table "api_key" (` +
        `"id" varchar(16) not null, ` +
        `"name" varchar(200) not null, ` +
        `"roles" jsonb not null, ` +
        `"party_ids" jsonb not null default '[]'::jsonb, ` +
        `"candidate_id" varchar(100) null, ` +
        `"city" varchar(100) null, ` +
        `"secret_hash" char(64) not null, ` +
        `"created_at" timestamptz not null default now(), ` +
        `"created_by" varchar(300) not null, ` +
        `"expires_at" timestamptz null, ` +
        `"revoked_at" timestamptz null, ` +
        `"revoked_by" varchar(300) null, ` +
        `"last_used_at" timestamptz null, ` +
        `constraint "api_key_pkey" primary key ("id"), ` +
        `constraint "api_key_id_format" check ("id" ~ '^[0-9a-f]{16}$'), ` +
        `constraint "api_key_name_not_blank" check (length(btrim("name")) > 0), ` +
        `constraint "api_key_hash_format" check ("secret_hash" ~ '^[0-9a-f]{64}$'), ` +
        `constraint "api_key_roles_valid" check (jsonb_typeof("roles") = 'array' and jsonb_array_length("roles") > 0 ` +
        `and "roles" <@ '["CANDIDATE","OFFICER","PARTNER","ANALYST","ADMIN"]'::jsonb), ` +
        `constraint "api_key_party_ids_array" check (jsonb_typeof("party_ids") = 'array'), ` +
        `constraint "api_key_candidate_has_record" check (not ("roles" @> '["CANDIDATE"]'::jsonb) or "candidate_id" is not null), ` +
        `constraint "api_key_partner_has_party" check (not ("roles" @> '["PARTNER"]'::jsonb) or jsonb_array_length("party_ids") > 0), ` +
        `constraint "api_key_revocation_complete" check (("revoked_at" is null) = ("revoked_by" is null))` +
        `);`,
    );
    this.addSql(`comment on table "api_key" is 'API keys for municipal apps; the secret is shown once and stored only as its SHA-256 hash';`);
    this.addSql(`comment on column "api_key"."secret_hash" is 'hex SHA-256 of (domain tag, key id, 256-bit random secret); see security/api-key.ts';`);
    this.addSql(`create index "api_key_active_idx" on "api_key" ("created_at") where "revoked_at" is null;`);

    this.addSql(
      `create table "audit_log" (` +
        `"id" bigint generated always as identity, ` +
        `"at" timestamptz not null default clock_timestamp(), ` +
        `"actor" varchar(300) not null, ` +
        `"principal_kind" varchar(16) not null, ` +
        `"roles" jsonb not null default '[]'::jsonb, ` +
        `"key_id" varchar(16) null, ` +
        `"action" varchar(100) not null, ` +
        `"entity_type" varchar(100) not null, ` +
        `"entity_id" varchar(100) null, ` +
        `"before" jsonb null, ` +
        `"after" jsonb null, ` +
        `"request_id" varchar(128) null, ` +
        `constraint "audit_log_pkey" primary key ("id"), ` +
        `constraint "audit_log_principal_kind_check" check ("principal_kind" in ('anonymous', 'apiKey', 'jwt', 'system')), ` +
        `constraint "audit_log_roles_array" check (jsonb_typeof("roles") = 'array')` +
        `);`,
    );
    this.addSql(`comment on table "audit_log" is 'Who changed what and when, with redacted before/after; append-only (triggers refuse UPDATE, DELETE, TRUNCATE)';`);
    this.addSql(`create index "audit_log_entity_idx" on "audit_log" ("entity_type", "entity_id", "id");`);
    this.addSql(`create index "audit_log_actor_idx" on "audit_log" ("actor", "id");`);
    this.addSql(`create index "audit_log_at_idx" on "audit_log" ("at");`);
    this.addSql(
      `create or replace function "audit_log_refuse_change"() returns trigger language plpgsql as $$ ` +
        `begin raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; $$;`,
    );
    this.addSql(
      `create trigger "audit_log_no_update_delete" before update or delete on "audit_log" ` +
        `for each row execute function "audit_log_refuse_change"();`,
    );
    this.addSql(
      `create trigger "audit_log_no_truncate" before truncate on "audit_log" ` +
        `for each statement execute function "audit_log_refuse_change"();`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop function if exists "audit_log_refuse_change"();`);
    this.addSql(`drop table if exists "api_key" cascade;`);
  }
}
