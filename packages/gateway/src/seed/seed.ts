/**
 * Loads the seed program (DOMAIN.md §1; fixture `SEED_PROGRAM` from @jembatan/domain, built and
 * validated by `buildSeedProgram`) once: only when its marker row is absent and the program tables
 * hold no data; marker and data are written in one transaction under an advisory lock, so two
 * gateways starting together cannot both seed.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { buildSeedProgram, SEED_PROGRAM, seedProgramSummary, unwrap } from '../domain';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../config/logger';
import type { Orm } from '../db/orm';
import { applyMouSnapshot } from '../persistence/mou.mapper';
import { applyOpeningSnapshot, applyQuotaSnapshot } from '../persistence/opening.mapper';
import { applyPartySnapshot } from '../persistence/party.mapper';
import { MouRecord, PartyRecord, SeedRunRecord } from '../persistence';

export const SEED_NAME = SEED_PROGRAM.name;

export type SeedOutcome =
  | { readonly status: 'loaded'; readonly summary: string }
  | { readonly status: 'already-loaded' }
  | { readonly status: 'skipped-user-data' };

async function writeSeed(em: EntityManager, now: Date): Promise<string> {
  const entities = unwrap(buildSeedProgram());
  for (const party of entities.parties) {
    const record = new PartyRecord();
    applyPartySnapshot(record, party.toSnapshot());
    record.createdAt = record.updatedAt = now;
    em.persist(record);
  }
  await em.flush();
  for (const mou of entities.mous) {
    applyMouSnapshot(em, undefined, mou.toSnapshot(), now);
    await em.flush(); // parents before children (self-referencing foreign key)
  }
  for (const quota of entities.quotas) applyQuotaSnapshot(em, undefined, quota.toSnapshot(), now);
  for (const opening of entities.openings) applyOpeningSnapshot(em, undefined, opening.toSnapshot(), now);
  await em.flush();
  const s = seedProgramSummary(entities);
  return `${s.parties} parties, ${entities.mous.length} MoUs, ${entities.quotas.length} quotas (${s.totalSeats} seats), ${entities.openings.length} openings`;
}

/** `clock` stamps the rows and the marker (clock.ts); the program's own dates come from the fixture. */
export async function loadSeedOnce(orm: Orm, log: Logger, clock: Clock = systemClock): Promise<SeedOutcome> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('jembatan-seed'))`);
    const marker = await em.findOne(SeedRunRecord, { name: SEED_NAME });
    if (marker) {
      log.info({ seed: SEED_NAME }, 'seed already loaded');
      return { status: 'already-loaded' } as const;
    }
    const parties = await em.count(PartyRecord, {});
    const mous = await em.count(MouRecord, {});
    if (parties > 0 || mous > 0) {
      log.warn({ seed: SEED_NAME, parties, mous }, 'seed skipped: the database already holds program data');
      return { status: 'skipped-user-data' } as const;
    }
    const now = clock.now();
    const summary = await writeSeed(em, now);
    em.create(SeedRunRecord, { name: SEED_NAME, appliedAt: now, summary });
    await em.flush();
    log.info({ seed: SEED_NAME, summary }, 'seed loaded');
    return { status: 'loaded', summary } as const;
  });
}
