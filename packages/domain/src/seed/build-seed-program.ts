/**
 * Build the seed program into entities through their factories and guarded transitions, and check
 * what no single factory can see: unique ids, parents and parties that exist, one quota per
 * MoU × occupation × route, every opening backed by a quota, and openings' seats within their quota.
 * Failures come back as `err` with a `SEED.*` code (or the entity's code) and the path in the fixture.
 */
import { err, errorData, ok, type DomainErrorData, type Result } from '../shared/domain-error';
import type { Occupation, Route } from '../shared/vocabulary';
import { JobOpening } from '../entities/job-opening.entity';
import { Mou } from '../entities/mou.entity';
import { Party } from '../entities/party.entity';
import { Quota } from '../entities/quota.entity';
import { SEED_PROGRAM, type SeedProgram } from './seed-program.data';

export interface SeedProgramEntities {
  readonly parties: readonly Party[];
  /** Parents before children. */
  readonly mous: readonly Mou[];
  readonly quotas: readonly Quota[];
  readonly openings: readonly JobOpening[];
}

export interface SeedProgramSummary {
  readonly parties: number;
  readonly mous: Readonly<Record<string, number>>;
  readonly totalSeats: number;
  readonly seatsByOccupation: Readonly<Partial<Record<Occupation, number>>>;
  readonly seatsByRoute: Readonly<Partial<Record<Route, number>>>;
  readonly openingSeats: number;
}

function at(path: readonly (string | number)[], e: DomainErrorData): DomainErrorData {
  return { ...e, path: [...path.map(String), ...(e.path ?? [])] };
}

function seedError(code: string, id: string, en: string, path: readonly (string | number)[]): DomainErrorData {
  return errorData(code, id, en, { path: path.map(String) });
}

type Claim = (id: string, path: (string | number)[]) => DomainErrorData | undefined;

function buildParties(program: SeedProgram, claim: Claim): Result<Map<string, Party>> {
  const parties = new Map<string, Party>();
  for (const [i, input] of program.parties.entries()) {
    const r = Party.create(input);
    if (!r.ok) return err(at(['parties', i], r.error));
    const dup = claim(r.value.id, ['parties', i, 'id']);
    if (dup) return err(dup);
    parties.set(r.value.id, r.value);
  }
  return ok(parties);
}

function buildMous(program: SeedProgram, claim: Claim, parties: ReadonlyMap<string, Party>): Result<Map<string, Mou>> {
  const mous = new Map<string, Mou>();
  for (const [i, m] of program.mous.entries()) {
    const dup = claim(m.id, ['mous', i, 'id']);
    if (dup) return err(dup);
    if (m.parentMouId !== null && !mous.has(m.parentMouId)) {
      return err(
        seedError('SEED.UNKNOWN_PARENT', 'MoU induk tidak ada (atau dicantumkan sesudahnya).', 'The parent MoU does not exist (or comes later).', [
          'mous',
          i,
          'parentMouId',
        ]),
      );
    }
    const members = [];
    for (const [j, p] of m.parties.entries()) {
      const party = parties.get(p.partyId);
      if (!party) return err(seedError('SEED.UNKNOWN_PARTY', 'Pihak tidak ada.', 'The party does not exist.', ['mous', i, 'parties', j, 'partyId']));
      members.push({ party, role: p.role, isSignatory: p.isSignatory, signatoryName: p.signatoryName, signatoryTitle: p.signatoryTitle });
    }
    const created = Mou.create({
      id: m.id,
      title: m.title,
      reference: m.reference,
      parentMouId: m.parentMouId,
      validFrom: m.validFrom,
      validUntil: m.validUntil,
      note: m.note,
      at: m.createdAt,
      actor: program.actor,
      parties: members,
      obligations: m.obligations,
    });
    if (!created.ok) return err(at(['mous', i], created.error));
    const mou = created.value;
    for (const [j, t] of m.transitions.entries()) {
      const r = mou.transitionTo(t.to, {
        at: t.at,
        actor: program.actor,
        note: t.note,
        ...(t.signedOn !== undefined ? { signedOn: t.signedOn } : {}),
      });
      if (!r.ok) return err(at(['mous', i, 'transitions', j], r.error));
    }
    mous.set(mou.id, mou);
  }
  return ok(mous);
}

const quotaKey = (mouId: string, occupation: string, route: string) => `${mouId}|${occupation}|${route}`;

/** The quotas, keyed by MoU × occupation × route. */
function buildQuotas(program: SeedProgram, claim: Claim, mous: ReadonlyMap<string, Mou>): Result<Map<string, Quota>> {
  const byKey = new Map<string, Quota>();
  for (const [i, q] of program.quotas.entries()) {
    const dup = claim(q.id, ['quotas', i, 'id']);
    if (dup) return err(dup);
    const mou = mous.get(q.mouId);
    if (!mou) return err(seedError('SEED.UNKNOWN_MOU', 'MoU tidak ada.', 'The MoU does not exist.', ['quotas', i, 'mouId']));
    const r = Quota.create({ id: q.id, mou, occupation: q.occupation, route: q.route, seats: q.seats, note: q.note, asOf: q.asOf });
    if (!r.ok) return err(at(['quotas', i], r.error));
    const key = quotaKey(q.mouId, q.occupation, q.route);
    if (byKey.has(key)) {
      return err(
        seedError('SEED.DUPLICATE_QUOTA', 'Kuota untuk MoU, jabatan dan rute ini sudah ada.', 'A quota for this MoU, occupation and route already exists.', [
          'quotas',
          i,
        ]),
      );
    }
    byKey.set(key, r.value);
  }
  return ok(byKey);
}

function buildOpenings(
  program: SeedProgram,
  claim: Claim,
  parties: ReadonlyMap<string, Party>,
  mous: ReadonlyMap<string, Mou>,
  byKey: ReadonlyMap<string, Quota>,
): Result<JobOpening[]> {
  const openings: JobOpening[] = [];
  const openingSeatsPerQuota = new Map<string, number>();
  for (const [i, o] of program.openings.entries()) {
    const dup = claim(o.id, ['openings', i, 'id']);
    if (dup) return err(dup);
    const mou = mous.get(o.mouId);
    if (!mou) return err(seedError('SEED.UNKNOWN_MOU', 'MoU tidak ada.', 'The MoU does not exist.', ['openings', i, 'mouId']));
    const employer = parties.get(o.employerPartyId);
    if (!employer) return err(seedError('SEED.UNKNOWN_PARTY', 'Pihak tidak ada.', 'The party does not exist.', ['openings', i, 'employerPartyId']));
    const r = JobOpening.create({
      id: o.id,
      mou,
      employer,
      occupation: o.occupation,
      route: o.route,
      seats: o.seats,
      wage: o.wage,
      contractMonths: o.contractMonths,
      extraRequirements: o.extraRequirements,
      note: o.note,
      at: o.createdAt,
      actor: program.actor,
    });
    if (!r.ok) return err(at(['openings', i], r.error));
    const quota = byKey.get(quotaKey(o.mouId, o.occupation, o.route));
    if (!quota) {
      return err(
        seedError('SEED.OPENING_WITHOUT_QUOTA', 'Lowongan tidak memiliki kuota pada MoU-nya.', 'The opening has no quota under its MoU.', ['openings', i]),
      );
    }
    const total = (openingSeatsPerQuota.get(quota.id) ?? 0) + o.seats;
    if (total > quota.seats) {
      return err(
        seedError('SEED.OPENINGS_EXCEED_QUOTA', 'Kursi lowongan melebihi kuota.', "The openings' seats exceed their quota.", ['openings', i, 'seats']),
      );
    }
    openingSeatsPerQuota.set(quota.id, total);
    openings.push(r.value);
  }
  return ok(openings);
}

/** Build (and thereby validate) a seed program; defaults to `SEED_PROGRAM`. */
export function buildSeedProgram(program: SeedProgram = SEED_PROGRAM): Result<SeedProgramEntities> {
  if (typeof program !== 'object' || program === null) {
    return err(seedError('SEED.INVALID', 'Program benih tidak valid.', 'Invalid seed program.', []));
  }
  const ids = new Set<string>();
  const claim: Claim = (id, path) => {
    if (ids.has(id)) return seedError('SEED.DUPLICATE_ID', 'Id dipakai lebih dari sekali.', 'An id is used more than once.', path);
    ids.add(id);
    return undefined;
  };
  const parties = buildParties(program, claim);
  if (!parties.ok) return parties;
  const mous = buildMous(program, claim, parties.value);
  if (!mous.ok) return mous;
  const quotas = buildQuotas(program, claim, mous.value);
  if (!quotas.ok) return quotas;
  const openings = buildOpenings(program, claim, parties.value, mous.value, quotas.value);
  if (!openings.ok) return openings;
  return ok({ parties: [...parties.value.values()], mous: [...mous.value.values()], quotas: [...quotas.value.values()], openings: openings.value });
}

/** Counts and seat totals of a built program (for a start-up log line or a test). */
export function seedProgramSummary(entities: SeedProgramEntities): SeedProgramSummary {
  const mous: Record<string, number> = {};
  for (const m of entities.mous) mous[m.status] = (mous[m.status] ?? 0) + 1;
  const seatsByOccupation: Partial<Record<Occupation, number>> = {};
  const seatsByRoute: Partial<Record<Route, number>> = {};
  let totalSeats = 0;
  for (const q of entities.quotas) {
    totalSeats += q.seats;
    seatsByOccupation[q.occupation] = (seatsByOccupation[q.occupation] ?? 0) + q.seats;
    seatsByRoute[q.route] = (seatsByRoute[q.route] ?? 0) + q.seats;
  }
  return {
    parties: entities.parties.length,
    mous,
    totalSeats,
    seatsByOccupation,
    seatsByRoute,
    openingSeats: entities.openings.reduce((n, o) => n + o.seats, 0),
  };
}
