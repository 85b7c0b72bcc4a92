/**
 * Marker table for the seed: one row per seed that has been loaded. The seed runs only when its row is
 * absent and the program tables are empty, so it never runs twice and never over user data.
 */
import { EntitySchema } from '@mikro-orm/core';

export class SeedRunRecord {
  name!: string;
  appliedAt!: Date;
  /** Free-text summary of what was inserted (counts), for operators. */
  summary!: string;
}

export const SeedRunSchema = new EntitySchema<SeedRunRecord>({
  class: SeedRunRecord,
  tableName: 'seed_run',
  comment: 'Seeds that have been loaded (one row each); the seed never runs twice',
  properties: {
    name: { type: 'string', length: 100, primary: true },
    appliedAt: { type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' },
    summary: { type: 'text' },
  },
});
