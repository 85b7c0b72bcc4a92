import { Migration } from '@mikro-orm/migrations';

/**
 * Rate-limit and in-flight state shared by every gateway replica on this database
 * (security/limit-store.ts):
 * - `rate_limit_bucket`: one token bucket per limiter and caller key (`auth|apiKey:<id>`,
 *   `anon|ip:<addr>`, ...). Replicas lease tokens from it in chunks; the refill is computed from the
 *   database's clock. A row past `full_at` is a full bucket and may be removed.
 * - `in_flight_lease`: the in-flight slots each replica holds per caller key, until `expires_at`
 *   (renewed by the holder's heartbeat, so a dead replica's slots come free by themselves).
 * - `in_flight_acquire(...)`: takes slots for one replica so that the live slots of a key stay within its
 *   maximum. A function rather than one statement: it takes the key's advisory lock first, and in READ
 *   COMMITTED only a statement that starts after the lock sees the leases committed while it waited
 *   (one round trip either way).
 * Plain (logged) tables: a crash or a fail-over keeps the state; the limit store's connections commit
 * with synchronous_commit off. No `?` in this SQL: MikroORM would read it as a parameter placeholder.
 */
export class Migration20261201120000_shared_limits extends Migration {
  override up(): void {
    this.addSql(
      `create table "rate_limit_bucket" (` +
        `"key" varchar(200) not null, ` +
        `"tokens" double precision not null, ` +
        `"granted" integer not null, ` +
        `"updated_at" timestamptz not null, ` +
        `"full_at" timestamptz not null, ` +
        `constraint "rate_limit_bucket_pkey" primary key ("key"), ` +
        `constraint "rate_limit_bucket_tokens_check" check ("tokens" >= 0 and "granted" >= 0)` +
        `);`,
    );
    this.addSql(`comment on table "rate_limit_bucket" is 'Shared token buckets of the rate limits (security/limit-store.ts); a row past full_at is a full bucket';`);
    this.addSql(`comment on column "rate_limit_bucket"."granted" is 'tokens handed out by the last lease (read back by its RETURNING)';`);
    this.addSql(`create index "rate_limit_bucket_full_at_idx" on "rate_limit_bucket" ("full_at");`);

    this.addSql(
      `create table "in_flight_lease" (` +
        `"key" varchar(200) not null, ` +
        `"replica_id" varchar(100) not null, ` +
        `"slots" integer not null, ` +
        `"expires_at" timestamptz not null, ` +
        `constraint "in_flight_lease_pkey" primary key ("key", "replica_id"), ` +
        `constraint "in_flight_lease_slots_positive" check ("slots" > 0)` +
        `);`,
    );
    this.addSql(`comment on table "in_flight_lease" is 'In-flight request slots each gateway replica holds per caller key, live until expires_at (security/limit-store.ts)';`);
    this.addSql(`create index "in_flight_lease_replica_idx" on "in_flight_lease" ("replica_id");`);
    this.addSql(`create index "in_flight_lease_expires_at_idx" on "in_flight_lease" ("expires_at");`);
    this.addSql(
      `create or replace function "in_flight_acquire"(p_key varchar, p_replica varchar, p_keep integer, p_want integer, p_max integer, p_ttl_ms integer) ` +
        `returns integer language plpgsql volatile as $$ ` +
        `declare v_others integer; v_slots integer; ` +
        `begin ` +
        `perform pg_advisory_xact_lock(hashtextextended('jembatan.in_flight_lease:' || p_key, 0)); ` +
        `select coalesce(sum("slots"), 0)::integer into v_others from "in_flight_lease" ` +
        `where "key" = p_key and "replica_id" <> p_replica and "expires_at" > clock_timestamp(); ` +
        `v_slots := greatest(p_keep, least(p_want, p_max - v_others), 0); ` +
        `if v_slots = 0 then ` +
        `delete from "in_flight_lease" where "key" = p_key and "replica_id" = p_replica; ` +
        `else ` +
        `insert into "in_flight_lease" ("key", "replica_id", "slots", "expires_at") ` +
        `values (p_key, p_replica, v_slots, clock_timestamp() + p_ttl_ms * interval '1 millisecond') ` +
        `on conflict ("key", "replica_id") do update set "slots" = excluded."slots", "expires_at" = excluded."expires_at"; ` +
        `end if; ` +
        `return v_slots; ` +
        `end $$;`,
    );
  }

  override down(): void {
    this.addSql(`drop function if exists "in_flight_acquire"(varchar, varchar, integer, integer, integer, integer);`);
    this.addSql(`drop table if exists "in_flight_lease";`);
    this.addSql(`drop table if exists "rate_limit_bucket";`);
  }
}
