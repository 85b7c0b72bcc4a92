/** Candidate and placement records ⇄ domain snapshots. */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  compactNik,
  decideKotaSerangResidency,
  parseNik,
  type CandidateSnapshot,
  type IsoDate,
  type PlacementSnapshot,
  type Timestamp,
} from '../domain';
import {
  CandidateRecord,
  CandidateStageChangeRecord,
  PlacementRecord,
  PlacementStatusChangeRecord,
  type StoredSelectionStatus,
} from './candidate.schema';
import { syncChildren } from './sync';
import type { Columns } from './columns';

export interface CandidateRows {
  readonly candidate: CandidateRecord;
  readonly history: readonly CandidateStageChangeRecord[];
}

export function candidateSnapshotOf(rows: CandidateRows): CandidateSnapshot {
  const c = rows.candidate;
  return {
    id: c.id,
    profile: c.profile ?? {},
    stage: c.stage,
    targetRoute: c.targetRoute,
    targetOccupation: c.targetOccupation,
    openingId: c.openingId,
    quotaId: c.quotaId,
    externalRefs: (c.externalRefs ?? []).map((r) => ({ system: r.system, reference: r.reference })),
    history: [...rows.history]
      .sort((a, b) => a.sequence - b.sequence)
      .map((h) => ({ sequence: h.sequence, from: h.fromStage, to: h.toStage, at: h.at.toISOString() as Timestamp, actor: h.actor, note: h.note, reason: h.reason ?? null })),
  };
}

export async function loadCandidateRows(em: EntityManager, id: string, lock = false): Promise<CandidateRows | undefined> {
  const candidate = await em.findOne(CandidateRecord, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!candidate) return undefined;
  const history = await em.find(CandidateStageChangeRecord, { candidateId: id });
  return { candidate, history };
}

/** The columns copied out of the profile for filters, uniqueness and aggregates. */
export function derivedColumns(s: CandidateSnapshot, asOf: IsoDate): Pick<CandidateRecord, 'nik' | 'sex' | 'birthDate' | 'kecamatan' | 'education'> {
  const p = s.profile;
  const nik = p.nik ? compactNik(p.nik) : null;
  const parsed = nik ? parseNik(nik, asOf) : undefined;
  const fromNik = parsed?.ok ? parsed.value : undefined;
  return {
    nik,
    sex: p.declaredSex ?? fromNik?.sex ?? null,
    birthDate: p.declaredBirthDate ?? fromNik?.birthDate ?? null,
    kecamatan: decideKotaSerangResidency(p.address).kecamatan ?? null,
    education: p.education ?? null,
  };
}

export function applyCandidateSnapshot(
  em: EntityManager,
  rows: Partial<CandidateRows> | undefined,
  s: CandidateSnapshot,
  now: Date,
  eligibility: { status: StoredSelectionStatus; asOf: IsoDate } | null,
  asOf: IsoDate,
): CandidateRows {
  const c = rows?.candidate ?? Object.assign(new CandidateRecord(), { createdAt: now });
  const last = s.history[s.history.length - 1];
  Object.assign(c, {
    ...derivedColumns(s, asOf),
    id: s.id,
    profile: s.profile,
    stage: s.stage,
    stageSince: last ? new Date(last.at) : now,
    targetRoute: s.targetRoute,
    targetOccupation: s.targetOccupation,
    openingId: s.openingId,
    quotaId: s.quotaId,
    externalRefs: s.externalRefs.map((r) => ({ system: r.system, reference: r.reference })),
    eligibility: eligibility?.status ?? null,
    eligibilityAsOf: eligibility?.asOf ?? null,
    updatedAt: now,
  } satisfies Columns<CandidateRecord, 'createdAt' | 'registeredAt'>); // registeredAt: derived by triggers
  if (!rows?.candidate) em.persist(c);
  const history = syncChildren(em, rows?.history ?? [], s.history, (r) => String(r.sequence), (h) => String(h.sequence), (row, h) =>
    Object.assign(row ?? new CandidateStageChangeRecord(), {
      candidateId: s.id,
      sequence: h.sequence,
      fromStage: h.from,
      toStage: h.to,
      at: new Date(h.at),
      actor: h.actor,
      note: h.note,
      reason: h.reason,
    } satisfies Columns<CandidateStageChangeRecord, 'id'>),
  );
  return { candidate: c, history };
}

export interface PlacementRows {
  readonly placement: PlacementRecord;
  readonly history: readonly PlacementStatusChangeRecord[];
}

export function placementSnapshotOf(rows: PlacementRows): PlacementSnapshot {
  const p = rows.placement;
  return {
    id: p.id,
    candidateId: p.candidateId,
    openingId: p.openingId,
    quotaId: p.quotaId,
    mouId: p.mouId,
    employerPartyId: p.employerPartyId,
    occupation: p.occupation,
    route: p.route,
    contractMonths: p.contractMonths,
    allocatedOn: p.allocatedOn as IsoDate,
    departedOn: p.departedOn as IsoDate | null,
    startedWorkOn: p.startedWorkOn as IsoDate | null,
    expectedEndOn: p.expectedEndOn as IsoDate | null,
    returnedOn: p.returnedOn as IsoDate | null,
    cancelledOn: p.cancelledOn as IsoDate | null,
    status: p.status,
    history: [...rows.history]
      .sort((a, b) => a.sequence - b.sequence)
      .map((h) => ({ sequence: h.sequence, from: h.fromStatus, to: h.toStatus, at: h.at.toISOString() as Timestamp, actor: h.actor, note: h.note })),
  };
}

export function applyPlacementSnapshot(em: EntityManager, rows: Partial<PlacementRows> | undefined, s: PlacementSnapshot, now: Date): PlacementRows {
  const p = rows?.placement ?? Object.assign(new PlacementRecord(), { createdAt: now });
  Object.assign(p, {
    id: s.id,
    candidateId: s.candidateId,
    openingId: s.openingId,
    quotaId: s.quotaId,
    mouId: s.mouId,
    employerPartyId: s.employerPartyId,
    occupation: s.occupation,
    route: s.route,
    contractMonths: s.contractMonths,
    allocatedOn: s.allocatedOn,
    departedOn: s.departedOn,
    startedWorkOn: s.startedWorkOn,
    expectedEndOn: s.expectedEndOn,
    returnedOn: s.returnedOn,
    cancelledOn: s.cancelledOn,
    status: s.status,
    updatedAt: now,
  } satisfies Columns<PlacementRecord, 'createdAt'>);
  if (!rows?.placement) em.persist(p);
  const history = syncChildren(em, rows?.history ?? [], s.history, (r) => String(r.sequence), (h) => String(h.sequence), (row, h) =>
    Object.assign(row ?? new PlacementStatusChangeRecord(), {
      placementId: s.id,
      sequence: h.sequence,
      fromStatus: h.from,
      toStatus: h.to,
      at: new Date(h.at),
      actor: h.actor,
      note: h.note,
    } satisfies Columns<PlacementStatusChangeRecord, 'id'>),
  );
  return { placement: p, history };
}
