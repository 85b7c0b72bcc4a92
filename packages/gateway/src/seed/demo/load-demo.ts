/**
 * `JEMBATAN_SEED=demo` / `npm run demo`: load the deterministic synthetic demo program into an EMPTY
 * database, in ONE transaction (a failure leaves nothing behind) under the seed's advisory lock.
 *
 * "Empty" means no party, MoU, quota, job opening or candidate row: the demo never writes into a
 * database that holds program data (the outcome is then `skipped-user-data` and nothing is written;
 * the CLI exits non-zero). Once loaded, its marker row (`seed_run` "jembatan-demo") makes a second
 * load a no-op (`already-loaded`). The seed program's marker is written too: the demo contains the
 * seed program (program.ts), so a later plain `npm start` does not try to seed again.
 *
 * Writes go through the persistence mappers (the records the use cases write, with the same derived
 * columns, stored eligibility verdicts, cost shares and financing facilities), in batches of
 * candidates: each batch is flushed and the identity map cleared, so memory stays flat at 100,000.
 * One audit row (`loadDemo`, actor `system` "demo") records the load.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  estimateCosts,
  placementCostShares,
  type IsoDate,
  type JobOpening,
  type PlacementCostShare,
} from '../../domain';
import { systemClock, type Clock } from '../../clock';
import type { Logger } from '../../config/logger';
import type { Orm } from '../../db/orm';
import { PartyRecord, SeedRunRecord } from '../../persistence';
import { applyCandidateSnapshot, applyPlacementSnapshot } from '../../persistence/candidate.mapper';
import { CandidateRecord, CandidateStageChangeRecord, PlacementCostShareRecord, PlacementRecord, PlacementStatusChangeRecord } from '../../persistence/candidate.schema';
import { FinancingPlanFacilityRecord, FinancingPlanRecord } from '../../persistence/financing-plan.schema';
import { applyMouSnapshot } from '../../persistence/mou.mapper';
import { applyOpeningSnapshot, applyQuotaSnapshot } from '../../persistence/opening.mapper';
import { JobOpeningRecord, QuotaRecord, SeatAllocationRecord } from '../../persistence/opening.schema';
import { applyPartySnapshot } from '../../persistence/party.mapper';
import { writeAudit } from '../../security/audit-log';
import { buildFinancingFacilities } from '../../use-cases/financing-facilities';
import { facilityRecordOf } from '../../use-cases/financing-plan-records';
import { SEED_NAME } from '../seed';
import { wib } from './calendar';
import { DemoCandidateFactory, type DemoCandidate } from './candidates';
import { buildDemoProgram, type DemoProgram, DEMO_ACTOR, DEMO_AS_OF, DEMO_NOTE, DEMO_PREFIX, paramsOn as paramsOnDate } from './program';
import { DemoRandom } from './random';
import { buildDemoTraining, traineeOf, type DemoTrainee } from './training';
import { applyCohortSnapshot, insertCourse } from '../../persistence/training.mapper';
import { insertCollected } from '../../persistence/insert-collected';

export const DEMO_SEED_NAME = 'jembatan-demo';
/** The generator's seed string: change it and every record changes. */
export const DEMO_RANDOM_SEED = 'jembatan-demo-v1';
const DEFAULT_BATCH = 1000;

export interface DemoOptions {
  readonly candidates: number;
  readonly log: Logger;
  /** Stamps the marker and the audit row only: the demo's own dates are fixed (DEMO_AS_OF). */
  readonly clock?: Clock;
  /** Candidates per flush (default 1,000). */
  readonly batchSize?: number;
  readonly onProgress?: (written: number, total: number) => void;
  /** Write the candidates through the ORM's flush instead of batched inserts (slower; the test compares both). */
  readonly viaUnitOfWork?: boolean;
}

/** What already holds program data (any of these rows means "not empty"). */
export interface ProgramRowCounts {
  readonly parties: number;
  readonly mous: number;
  readonly quotas: number;
  readonly openings: number;
  readonly candidates: number;
}

export type DemoOutcome =
  | { readonly status: 'loaded'; readonly summary: string; readonly candidates: number; readonly ms: number }
  | { readonly status: 'already-loaded'; readonly summary: string }
  | { readonly status: 'skipped-user-data'; readonly counts: ProgramRowCounts };

export async function programRowCounts(em: EntityManager): Promise<ProgramRowCounts> {
  const rows = await em.execute<Array<Record<keyof ProgramRowCounts, string>>>(
    `select (select count(*) from party) as parties, (select count(*) from mou) as mous, (select count(*) from quota) as quotas,
            (select count(*) from job_opening) as openings, (select count(*) from candidate) as candidates`,
  );
  const r = rows[0]!;
  return { parties: Number(r.parties), mous: Number(r.mous), quotas: Number(r.quotas), openings: Number(r.openings), candidates: Number(r.candidates) };
}

const isEmpty = (c: ProgramRowCounts): boolean => c.parties + c.mous + c.quotas + c.openings + c.candidates === 0;

export async function loadDemoOnce(orm: Orm, options: DemoOptions): Promise<DemoOutcome> {
  const started = Date.now();
  const clock = options.clock ?? systemClock;
  return orm.em.fork().transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('jembatan-seed'))`);
    const marker = await em.findOne(SeedRunRecord, { name: DEMO_SEED_NAME });
    if (marker) {
      options.log.info({ seed: DEMO_SEED_NAME }, 'demo already loaded');
      return { status: 'already-loaded', summary: marker.summary } as const;
    }
    const counts = await programRowCounts(em);
    if (!isEmpty(counts)) {
      options.log.warn({ seed: DEMO_SEED_NAME, ...counts }, 'demo not loaded: the database already holds program data');
      return { status: 'skipped-user-data', counts } as const;
    }
    const summary = await writeDemo(em, options);
    const now = clock.now();
    em.create(SeedRunRecord, { name: DEMO_SEED_NAME, appliedAt: now, summary });
    if (!(await em.findOne(SeedRunRecord, { name: SEED_NAME }))) {
      em.create(SeedRunRecord, { name: SEED_NAME, appliedAt: now, summary: `loaded as part of ${DEMO_SEED_NAME}` });
    }
    await em.flush();
    await writeAudit(em, {
      principal: { kind: 'system', subject: 'demo', roles: ['ADMIN'] },
      action: 'loadDemo',
      entityType: 'Demo',
      entityId: DEMO_SEED_NAME,
      at: now,
      after: { seed: DEMO_RANDOM_SEED, candidates: options.candidates, summary },
    });
    options.log.info({ seed: DEMO_SEED_NAME, summary }, 'demo loaded');
    return { status: 'loaded', summary, candidates: options.candidates, ms: Date.now() - started } as const;
  });
}

async function writeDemo(em: EntityManager, options: DemoOptions): Promise<string> {
  const rng = new DemoRandom(DEMO_RANDOM_SEED);
  const program = buildDemoProgram(rng.fork('program'), options.candidates);
  const stamp = new Date(wib(DEMO_AS_OF, 18));
  await writeProgram(em, program, stamp);

  const factory = new DemoCandidateFactory(rng.fork('candidates'), program);
  const costs = new CostShareCache();
  const stats: DemoStats = { placements: 0, cancelled: 0, plans: 0, byStage: new Map<string, number>(), trainees: [] };
  const batch = options.batchSize ?? DEFAULT_BATCH;
  // The mappers record what to write on a collecting context; the rows then go out as batched
  // multi-row INSERTs in foreign-key order (no change-set computation over the identity map). While
  // PostgreSQL inserts one batch, the next one is generated (the two run on different cores).
  let pending: Promise<void> = Promise.resolve();
  for (let done = 0; done < options.candidates; ) {
    const n = Math.min(batch, options.candidates - done);
    const collector = options.viaUnitOfWork ? em : em.fork({ clear: true });
    for (let i = 0; i < n; i++) {
      writeCandidate(collector, factory.make(), costs, stats);
      if (i % 50 === 49) await yieldToIo(); // lets the previous batch's INSERTs go on meanwhile
    }
    done += n;
    await pending;
    if (options.viaUnitOfWork) {
      await em.flush();
      em.clear();
      options.onProgress?.(done, options.candidates);
    } else {
      const upTo = done;
      pending = insertCollected(em, collector, INSERT_ORDER, () => new Error('demo: rows of an unexpected table were collected')).then(() => options.onProgress?.(upTo, options.candidates));
      // a failed batch fails the load at the next await; keep the rejection from being unhandled meanwhile
      pending.catch(() => undefined);
    }
  }
  await pending;
  em.clear();

  await writeSeats(em, program, stamp, options.viaUnitOfWork === true);
  const training = await writeTraining(em, program, rng.fork('training'), stats.trainees);

  const stages = [...stats.byStage.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([s, k]) => `${s} ${k}`).join(', ');
  return (
    `${DEMO_PREFIX} synthetic demo (${DEMO_RANDOM_SEED}): ${program.parties.length} parties, ${program.mous.length} MoUs, ${program.quotas.length} quotas, ` +
    `${program.openings.length} openings (${program.open.length} OPEN), ${options.candidates} candidates (${stages}), ` +
    `${stats.placements} placements (${stats.cancelled} cancelled), ${stats.plans} financing plans, ` +
    `${training.cohorts} training cohorts (${training.enrolments} enrolments)`
  );
}

interface DemoStats {
  placements: number;
  cancelled: number;
  plans: number;
  readonly byStage: Map<string, number>;
  /** Candidates who entered TRAINING (seed/demo/training.ts puts them in cohorts). */
  readonly trainees: DemoTrainee[];
}

/** Cohorts flushed per unit of work (each cohort brings its sessions, enrolments and marks). */
const COHORTS_PER_FLUSH = 40;

/** The demo LPK's Korean course and its cohorts, after the candidates they enrol exist. */
async function writeTraining(em: EntityManager, program: DemoProgram, rng: DemoRandom, trainees: readonly DemoTrainee[]): Promise<{ cohorts: number; enrolments: number }> {
  const provider = program.trainingProviders[0];
  const training = provider ? buildDemoTraining(rng, provider, trainees) : undefined;
  if (!training) return { cohorts: 0, enrolments: 0 };
  const course = training.course.toSnapshot();
  // on the load's own (transactional) entity manager: a fork would write outside the transaction
  insertCourse(em, course, new Date(wib(training.courseOn, 8)));
  await em.flush();
  let enrolments = 0;
  for (let i = 0; i < training.cohorts.length; i += COHORTS_PER_FLUSH) {
    for (const c of training.cohorts.slice(i, i + COHORTS_PER_FLUSH)) {
      applyCohortSnapshot(em, undefined, c, training.providerPartyId, new Date(c.history[c.history.length - 1]!.at));
      enrolments += c.enrolments.length;
    }
    await em.flush();
    em.clear();
  }
  return { cohorts: training.cohorts.length, enrolments };
}


/** Parties, MoUs (parents first), quotas (no seat yet) and openings, with their own creation instants. */
async function writeProgram(em: EntityManager, program: DemoProgram, stamp: Date): Promise<void> {
  const at = (id: string, fallback: string): Date => new Date(program.createdAt.get(id) ?? fallback);
  for (const party of program.parties) {
    const record = new PartyRecord();
    applyPartySnapshot(record, party.toSnapshot());
    record.createdAt = record.updatedAt = new Date(party.isExample && party.name.startsWith(DEMO_PREFIX) ? wib('2026-01-05', 8) : wib('2025-12-10', 0));
    em.persist(record);
  }
  await em.flush();
  for (const mou of program.mous) {
    const s = mou.toSnapshot();
    const rows = applyMouSnapshot(em, undefined, s, new Date(s.history[s.history.length - 1]!.at));
    rows.mou.createdAt = at(mou.id, s.history[0]!.at);
    await em.flush(); // parents before children (self-referencing foreign key)
  }
  for (const quota of program.quotas) {
    const rows = applyQuotaSnapshot(em, undefined, quota.toSnapshot(), stamp);
    rows.quota.createdAt = at(quota.id, wib('2025-12-10', 0));
  }
  for (const opening of program.openings) {
    const s = opening.toSnapshot();
    const rows = applyOpeningSnapshot(em, undefined, s, new Date(s.history[s.history.length - 1]!.at));
    rows.opening.createdAt = at(opening.id, s.history[0]!.at);
  }
  await em.flush();
  em.clear();
}

/** The seats, once the candidates exist: allocation rows and the quota and opening counters. */
async function writeSeats(em: EntityManager, program: DemoProgram, stamp: Date, viaUnitOfWork: boolean): Promise<void> {
  if (viaUnitOfWork) {
    const quotaRecords = new Map((await em.find(QuotaRecord, {})).map((q) => [q.id, q]));
    for (const quota of program.quotas) applyQuotaSnapshot(em, { quota: quotaRecords.get(quota.id)!, allocations: [] }, quota.toSnapshot(), stamp);
    await em.flush();
  } else {
    // the mapper writes the allocation rows onto the collector and the counter onto a scratch record
    const collector = em.fork({ clear: true });
    for (const quota of program.quotas) {
      const rows = applyQuotaSnapshot(collector, { quota: new QuotaRecord(), allocations: [] }, quota.toSnapshot(), stamp);
      await em.nativeUpdate(QuotaRecord, { id: quota.id }, { allocated: rows.quota.allocated, updatedAt: rows.quota.updatedAt });
    }
    await insertCollected(em, collector, INSERT_ORDER, () => new Error('demo: rows of an unexpected table were collected'));
  }
  for (const o of program.open) {
    await em.nativeUpdate(JobOpeningRecord, { id: o.opening.id }, { allocated: o.quota.allocatedFor(o.opening.id) });
  }
  em.clear();
}

function writeCandidate(em: EntityManager, c: DemoCandidate, costs: CostShareCache, stats: DemoStats): void {
  const s = c.snapshot;
  const trainee = traineeOf(s);
  if (trainee) stats.trainees.push(trainee);
  const lastOn = c.lastChangeAt.slice(0, 10) as IsoDate;
  const rows = applyCandidateSnapshot(em, undefined, s, new Date(c.lastChangeAt), c.eligibility, c.eligibility?.asOf ?? lastOn);
  rows.candidate.createdAt = new Date(c.registeredAt);
  stats.byStage.set(s.stage, (stats.byStage.get(s.stage) ?? 0) + 1);
  if (!c.placement) return;
  const p = c.placement.snapshot;
  const placement = applyPlacementSnapshot(em, undefined, p, new Date(p.history[p.history.length - 1]!.at));
  placement.placement.createdAt = new Date(c.placement.allocatedAt);
  stats.placements++;
  if (p.status === 'CANCELLED') stats.cancelled++;
  for (const share of costs.sharesFor(c.placement.opening, p.allocatedOn)) {
    em.persist(
      Object.assign(new PlacementCostShareRecord(), {
        placementId: p.id,
        lineId: share.lineId,
        timing: share.timing,
        payer: share.payer,
        amountIdr: String(share.amountIdr.amount),
      }),
    );
  }
  if (c.financing) {
    const contractMonths = p.contractMonths ?? c.placement.opening.contractMonths;
    const built = buildFinancingFacilities(
      [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: String(c.financing.amountIdr), tenorMonths: Math.min(c.financing.tenorMonths, contractMonths ?? 24) }],
      { asOf: c.financing.on, contractMonths, placementCosts: null, hasNpwp: false },
    );
    const when = new Date(wib(c.financing.on, 17));
    const plan = Object.assign(new FinancingPlanRecord(), {
      id: planIdOf(s.id),
      candidateId: s.id,
      placementId: p.id,
      asOf: c.financing.on,
      contractMonths,
      placementCostsIdr: null,
      hasNpwp: false,
      note: `${DEMO_PREFIX} Rencana pembiayaan contoh (jumlah sintetis). / Example financing plan (synthetic amount). ${DEMO_NOTE}`,
      createdAt: when,
      updatedAt: when,
      createdBy: DEMO_ACTOR,
      updatedBy: DEMO_ACTOR,
    });
    em.persist(plan);
    for (const f of built) em.persist(facilityRecordOf(plan.id, f));
    stats.plans++;
  }
}

const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Insert order: parents before the rows that point at them. */
const INSERT_ORDER = [
  CandidateRecord,
  CandidateStageChangeRecord,
  PlacementRecord,
  PlacementStatusChangeRecord,
  PlacementCostShareRecord,
  FinancingPlanRecord,
  FinancingPlanFacilityRecord,
  SeatAllocationRecord,
] as const;

/** A plan id derived from the candidate id (deterministic, and a valid UUID: the version nibble is kept). */
function planIdOf(candidateId: string): string {
  const hex = candidateId.replace(/-/g, '');
  const flipped = [...hex].map((ch, i) => (i === 12 || i === 16 ? ch : (15 - parseInt(ch, 16)).toString(16))).join('');
  return `${flipped.slice(0, 8)}-${flipped.slice(8, 12)}-${flipped.slice(12, 16)}-${flipped.slice(16, 20)}-${flipped.slice(20)}`;
}

/**
 * The cost shares the allocateSeat use case stores (cost-shares.ts), computed once per opening terms
 * and allocation date: the estimate depends only on the route, occupation, contract length and the
 * parameters of the day.
 */
class CostShareCache {
  private readonly cache = new Map<string, readonly PlacementCostShare[]>();

  sharesFor(opening: JobOpening, asOf: IsoDate): readonly PlacementCostShare[] {
    const contractMonths = opening.contractMonths;
    if (!contractMonths) return [];
    const key = `${opening.route}|${opening.occupation}|${contractMonths}|${asOf}`;
    let shares = this.cache.get(key);
    if (!shares) {
      try {
        shares = placementCostShares(estimateCosts({ route: opening.route, occupation: opening.occupation, contractMonths }, paramsOnDate(asOf)));
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        shares = [];
      }
      this.cache.set(key, shares);
    }
    return shares;
  }
}
