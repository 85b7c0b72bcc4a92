/** Job opening and quota records ⇄ domain snapshots. */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { money, type IsoDate, type JobOpeningSnapshot, type QuotaSnapshot, type Timestamp, type WageTerms } from '../domain';
import { JobOpeningRecord, OpeningStatusChangeRecord, QuotaRecord, SeatAllocationRecord } from './opening.schema';
import { syncChildren } from './sync';
import type { Columns } from './columns';

export interface OpeningRows {
  readonly opening: JobOpeningRecord;
  readonly history: readonly OpeningStatusChangeRecord[];
}

export function wageOf(r: JobOpeningRecord): WageTerms {
  if (r.wageBasis === 'FIXED') {
    return { basis: 'FIXED', monthly: money(String(r.wageMonthlyAmount), r.wageCurrency ?? 'KRW') };
  }
  return { basis: r.wageBasis };
}

export function openingSnapshotOf(rows: OpeningRows): JobOpeningSnapshot {
  const o = rows.opening;
  return {
    id: o.id,
    mouId: o.mouId,
    employerPartyId: o.employerPartyId,
    occupation: o.occupation,
    route: o.route,
    seats: o.seats,
    wage: wageOf(o),
    contractMonths: o.contractMonths,
    extraRequirements: { ...(o.extraRequirements ?? {}) },
    plannedDeparture: o.plannedDeparture as IsoDate | null,
    attacheVerification: o.attacheVerifiedOn ? { verifiedOn: o.attacheVerifiedOn as IsoDate, reference: o.attacheReference } : null,
    status: o.status,
    note: o.note,
    history: [...rows.history]
      .sort((a, b) => a.sequence - b.sequence)
      .map((h) => ({ sequence: h.sequence, from: h.fromStatus, to: h.toStatus, at: h.at.toISOString() as Timestamp, actor: h.actor, note: h.note })),
  };
}

export async function loadOpeningRows(em: EntityManager, id: string, lock = false): Promise<OpeningRows | undefined> {
  const opening = await em.findOne(JobOpeningRecord, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!opening) return undefined;
  const history = await em.find(OpeningStatusChangeRecord, { openingId: id });
  return { opening, history };
}

export function applyOpeningSnapshot(em: EntityManager, rows: Partial<OpeningRows> | undefined, s: JobOpeningSnapshot, now: Date): OpeningRows {
  const o = rows?.opening ?? Object.assign(new JobOpeningRecord(), { createdAt: now, allocated: 0 });
  Object.assign(o, {
    id: s.id,
    mouId: s.mouId,
    employerPartyId: s.employerPartyId,
    occupation: s.occupation,
    route: s.route,
    seats: s.seats,
    wageBasis: s.wage.basis,
    wageMonthlyAmount: s.wage.basis === 'FIXED' ? String(s.wage.monthly.amount) : null,
    wageCurrency: s.wage.basis === 'FIXED' ? s.wage.monthly.currency : null,
    contractMonths: s.contractMonths,
    extraRequirements: { ...s.extraRequirements },
    plannedDeparture: s.plannedDeparture,
    attacheVerifiedOn: s.attacheVerification?.verifiedOn ?? null,
    attacheReference: s.attacheVerification?.reference ?? null,
    status: s.status,
    note: s.note,
    updatedAt: now,
  } satisfies Columns<JobOpeningRecord, 'createdAt' | 'allocated'>);
  if (!rows?.opening) em.persist(o);
  const history = syncChildren(em, rows?.history ?? [], s.history, (r) => String(r.sequence), (h) => String(h.sequence), (row, h) =>
    Object.assign(row ?? new OpeningStatusChangeRecord(), {
      openingId: s.id,
      sequence: h.sequence,
      fromStatus: h.from,
      toStatus: h.to,
      at: new Date(h.at),
      actor: h.actor,
      note: h.note,
    } satisfies Columns<OpeningStatusChangeRecord, 'id'>),
  );
  return { opening: o, history };
}

export interface QuotaRows {
  readonly quota: QuotaRecord;
  readonly allocations: readonly SeatAllocationRecord[];
}

export function quotaSnapshotOf(rows: QuotaRows): QuotaSnapshot {
  const q = rows.quota;
  return {
    id: q.id,
    mouId: q.mouId,
    occupation: q.occupation,
    route: q.route,
    seats: q.seats,
    note: q.note,
    allocations: [...rows.allocations]
      .sort((a, b) => a.id - b.id)
      .map((a) => ({ candidateId: a.candidateId, openingId: a.openingId, allocatedAt: a.allocatedAt.toISOString() as Timestamp, actor: a.actor })),
  };
}

/** Write a quota snapshot: the quota row (with its `allocated` counter) and its allocation rows. */
export function applyQuotaSnapshot(em: EntityManager, rows: Partial<QuotaRows> | undefined, s: QuotaSnapshot, now: Date): QuotaRows {
  const q = rows?.quota ?? Object.assign(new QuotaRecord(), { createdAt: now });
  Object.assign(q, {
    id: s.id,
    mouId: s.mouId,
    occupation: s.occupation,
    route: s.route,
    seats: s.seats,
    note: s.note,
    allocated: s.allocations.length,
    updatedAt: now,
  } satisfies Columns<QuotaRecord, 'createdAt'>);
  if (!rows?.quota) em.persist(q);
  const allocations = syncChildren(em, rows?.allocations ?? [], s.allocations, (r) => r.candidateId, (a) => a.candidateId, (row, a) =>
    Object.assign(row ?? new SeatAllocationRecord(), {
      quotaId: s.id,
      openingId: a.openingId,
      candidateId: a.candidateId,
      allocatedAt: new Date(a.allocatedAt),
      actor: a.actor,
    } satisfies Columns<SeatAllocationRecord, 'id'>),
  );
  return { quota: q, allocations };
}
