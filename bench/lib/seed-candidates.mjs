/**
 * Candidates, two ways:
 *
 * - Bulk (all but a few hundred): registering 20,000 through `registerCandidate` would take minutes,
 *   so each record is built by the domain itself — `Candidate.register` (full NIK and profile checks),
 *   then `withdraw` / `reject` / `registerAgain` for some — and the columns the gateway derives at
 *   every write come from the gateway's own functions (`derivedColumns`, `storedEligibility`). The
 *   rows are then inserted with parameterised SQL into `candidate` and `candidate_stage_change`
 *   exactly as `applyCandidateSnapshot` would write them. Not written: the audit rows a mutation adds
 *   (reads never touch them). Their stages are REGISTERED (70 %), WITHDRAWN, REJECTED and registered
 *   again (10 % each), registered between January and November 2026.
 * - Seated (1.5 %, at most the free seats): through the API as an officer: `registerCandidate`
 *   (eligible profile for the opening's trade), `allocateSeat` and `advanceCandidate` to TRAINING and
 *   TESTING, so that the seat-holding stages come with their quota seats and placements.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { distModule, GATEWAY_DIST, gatewayRequire } from './paths.mjs';
import { mapLimit, mustRun } from './graphql.mjs';
import { connectClient } from './postgres.mjs';

const KECAMATAN = [
  { name: 'Serang', code: '01', kelurahan: ['Cimuncang', 'Kaligandu', 'Lontarbaru', 'Sumurpecung', 'Cipare', 'Kotabaru'] },
  { name: 'Kasemen', code: '02', kelurahan: ['Banten', 'Bendung', 'Kasemen', 'Kasunyatan', 'Margaluyu', 'Terumbu'] },
  { name: 'Walantaka', code: '03', kelurahan: ['Cigoong', 'Kalodran', 'Kiara', 'Nyapah', 'Pipitan', 'Walantaka'] },
  { name: 'Curug', code: '04', kelurahan: ['Cilaku', 'Cipete', 'Curug', 'Curug Manis', 'Kemanisan', 'Tinggar'] },
  { name: 'Cipocok Jaya', code: '05', kelurahan: ['Banjaragung', 'Banjarsari', 'Dalung', 'Gelam', 'Karundang', 'Tembong'] },
  { name: 'Taktakan', code: '06', kelurahan: ['Cibendung', 'Cilowong', 'Kalang Anyar', 'Kuranji', 'Lialang', 'Sayar'] },
];
const EDUCATION = ['SD', 'SLTP', 'SLTA', 'SLTA', 'SLTA', 'D3', 'S1'];
const TARGETS = [
  { route: 'E7_3', occupation: 'WELDER' },
  { route: 'E7_3', occupation: 'SHIP_PAINTER' },
  { route: 'E7_3', occupation: 'SHIP_ELECTRICIAN' },
  { route: 'E9', occupation: 'MANUFACTURING_WORKER' },
  { route: 'E7_3', occupation: 'WELDER' },
  { route: null, occupation: null },
];
const BULK_ACTOR = 'bench:bulk-load';
const DAY_MS = 86_400_000;
const FIRST_REGISTRATION = Date.parse('2026-01-05T02:00:00Z');
const LAST_REGISTRATION = Date.parse('2026-11-20T02:00:00Z');

function pad(n, width) {
  return String(n).padStart(width, '0');
}

/** A date (UTC midnight) as YYYY-MM-DD. */
function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** NIK (PP RR KK DDMMYY SSSS, women +40 on the day) with the matching declared birth date and sex. */
function identity(regency, kecamatanCode, birthMs, female, seq) {
  const d = new Date(birthMs);
  const day = d.getUTCDate() + (female ? 40 : 0);
  const nik = `${regency}${kecamatanCode}${pad(day, 2)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCFullYear() % 100, 2)}${pad(seq, 4)}`;
  return { nik, declaredBirthDate: isoDate(birthMs), declaredSex: female ? 'F' : 'M' };
}

/**
 * A valid, unique NIK for bulk candidate `i` (regency 3673): the sequence is i mod 9,999 and the birth
 * date is a function of the sequence plus 97 days per block of 9,999, so no two candidates share
 * (kecamatan code, birth date, sex, sequence). Births spread over 1982–2006.
 */
function bulkIdentity(i) {
  const seq = 1 + (i % 9999);
  const block = Math.floor(i / 9999);
  const birth = Date.parse('1982-03-01T00:00:00Z') + (((seq * 7919) % 7000) + block * 97) * DAY_MS;
  return identity('3673', KECAMATAN[i % KECAMATAN.length].code, birth, i % 3 === 1, seq);
}

/** Seated candidates: regency 3604 (first registered in Kabupaten Serang), so never a bulk NIK; born 1995–2000. */
function seatedIdentity(j) {
  return identity('3604', '01', Date.parse('1995-01-01T00:00:00Z') + (j % 2000) * DAY_MS, j % 4 === 1, 1 + j);
}

function bulkProfile(i, registeredAt) {
  const profile = { ...bulkIdentity(i), education: EDUCATION[i % EDUCATION.length] };
  // one in 33 has no address yet (kecamatan unknown); the others live in one of the six kecamatan
  if (i % 33 !== 0) {
    const k = KECAMATAN[Math.floor(i / 7) % KECAMATAN.length];
    profile.address = { kecamatan: k.name, kelurahan: k.kelurahan[i % k.kelurahan.length], city: 'Kota Serang', cityCode: '36.73', source: 'KTP' };
  }
  if (i % 3 === 0) profile.topikResults = [{ test: 'TOPIK_I', takenOn: isoDate(registeredAt - 40 * DAY_MS), score: 90 + (i % 100) }];
  if (i % 4 === 0) profile.koreaHistory = { deported: false, entryBanned: false, priorMonthsE9: 0, priorMonthsE10: 0 };
  return profile;
}

function unwrap(result, what) {
  if (!result.ok) throw new Error(`${what}: the domain refused the bench data: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The domain's candidate `i` (stage path by i % 20), as a snapshot. */
function bulkSnapshot(domain, i, count) {
  const registeredAt = FIRST_REGISTRATION + Math.floor(((LAST_REGISTRATION - FIRST_REGISTRATION) * i) / count);
  const target = TARGETS[i % TARGETS.length];
  const at = (ms) => new Date(ms).toISOString();
  const candidate = unwrap(
    domain.Candidate.register({
      id: randomUUID(),
      profile: bulkProfile(i, registeredAt),
      targetRoute: target.route,
      targetOccupation: target.occupation,
      externalRefs: [],
      at: at(registeredAt),
      actor: BULK_ACTOR,
      note: null,
    }),
    `candidate ${i}`,
  );
  const lane = i % 20;
  const change = (ms, note) => ({ at: at(ms), actor: BULK_ACTOR, note });
  if (lane >= 14 && lane <= 15) unwrap(candidate.withdraw(change(registeredAt + 9 * DAY_MS, 'Mengundurkan diri / withdrew')), `withdraw ${i}`);
  if (lane >= 16 && lane <= 17) unwrap(candidate.reject(change(registeredAt + 6 * DAY_MS, 'Dokumen tidak lengkap / incomplete documents')), `reject ${i}`);
  if (lane >= 18) {
    unwrap(candidate.withdraw(change(registeredAt + 5 * DAY_MS, 'Mengundurkan diri / withdrew')), `withdraw ${i}`);
    unwrap(candidate.registerAgain(change(registeredAt + 12 * DAY_MS, null)), `register again ${i}`);
  }
  return { snapshot: candidate.toSnapshot(), registeredAt };
}

/** The rows `applyCandidateSnapshot` writes for a new candidate (column names as in the migration). */
function rowsOf(gw, domain, { snapshot: s, registeredAt }) {
  const last = s.history[s.history.length - 1];
  const asOf = domain.wibDateOf(last.at);
  const derived = gw.derivedColumns(s, asOf);
  const eligibility = gw.storedEligibility(s.profile, { route: s.targetRoute, occupation: s.targetOccupation }, undefined, asOf);
  const candidate = {
    id: s.id,
    profile: s.profile,
    nik: derived.nik,
    sex: derived.sex,
    birth_date: derived.birthDate,
    kecamatan: derived.kecamatan,
    education: derived.education,
    stage: s.stage,
    stage_since: last.at,
    target_route: s.targetRoute,
    target_occupation: s.targetOccupation,
    opening_id: s.openingId,
    quota_id: s.quotaId,
    external_refs: s.externalRefs,
    eligibility: eligibility?.status ?? null,
    eligibility_as_of: eligibility?.asOf ?? null,
    created_at: new Date(registeredAt).toISOString(),
    updated_at: last.at,
  };
  const history = s.history.map((h) => ({ candidate_id: s.id, sequence: h.sequence, from_stage: h.from, to_stage: h.to, at: h.at, actor: h.actor, note: h.note }));
  return { candidate, history };
}

/** Where the gateway keeps `storedEligibility`: the use-case layer, or (before it) the resolver. */
const STORED_ELIGIBILITY_MODULES = ['use-cases/candidate-writes.js', 'graphql/resolvers/candidate.resolver.js'];

function gatewayCode() {
  gatewayRequire('reflect-metadata');
  const { derivedColumns } = distModule('persistence/candidate.mapper.js');
  const found = STORED_ELIGIBILITY_MODULES.filter((m) => existsSync(path.join(GATEWAY_DIST, m)))
    .map((m) => distModule(m).storedEligibility)
    .find((f) => typeof f === 'function');
  if (typeof derivedColumns !== 'function' || !found) {
    throw new Error(
      `the built gateway has no derivedColumns (persistence/candidate.mapper.js) or storedEligibility (${STORED_ELIGIBILITY_MODULES.join(', ')}): update bench/lib/seed-candidates.mjs`,
    );
  }
  return { derivedColumns, storedEligibility: found };
}

const INSERT_CANDIDATES = `
insert into candidate (id, profile, nik, sex, birth_date, kecamatan, education, stage, stage_since, target_route,
                       target_occupation, opening_id, quota_id, external_refs, eligibility, eligibility_as_of, created_at, updated_at)
select id, profile, nik, sex, birth_date, kecamatan, education, stage, stage_since, target_route,
       target_occupation, opening_id, quota_id, external_refs, eligibility, eligibility_as_of, created_at, updated_at
  from json_populate_recordset(null::candidate, $1::json)`;
const INSERT_HISTORY = `
insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor, note)
select candidate_id, sequence, from_stage, to_stage, at, actor, note
  from json_populate_recordset(null::candidate_stage_change, $1::json)`;

/** Build `count` candidates with the domain and insert them in batches of 1,000 (one transaction). */
export async function bulkLoadCandidates(databaseUrl, count) {
  const domain = gatewayRequire('@jembatan/domain/entities'); // Candidate, wibDateOf
  const gw = gatewayCode();
  const client = await connectClient(databaseUrl);
  try {
    await client.query('begin');
    for (let start = 0; start < count; start += 1000) {
      const batch = [];
      for (let i = start; i < Math.min(count, start + 1000); i++) batch.push(rowsOf(gw, domain, bulkSnapshot(domain, i, count)));
      await client.query(INSERT_CANDIDATES, [JSON.stringify(batch.map((b) => b.candidate))]);
      await client.query(INSERT_HISTORY, [JSON.stringify(batch.flatMap((b) => b.history))]);
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

/** A profile the selection rules accept for an E-7-3 opening of `occupation` (as test/support/program.ts). */
function seatedProfile(j, occupation) {
  const k = KECAMATAN[j % KECAMATAN.length];
  return {
    ...seatedIdentity(j),
    address: { kecamatan: k.name, kelurahan: k.kelurahan[j % k.kelurahan.length], city: 'Kota Serang', source: 'KTP' },
    education: 'SLTA',
    topikResults: [{ test: 'TOPIK_I', takenOn: '2026-06-01', score: 150 }],
    skillVerifications: [{ occupation, certifier: 'KOSHIPA', qualification: 'Level 2', testedOn: '2026-10-01', passed: true }],
    documents: [
      { kind: 'KTP', verified: true },
      { kind: 'AK1_CARD', issuedOn: '2026-11-01', verified: true },
    ],
    koreaHistory: { deported: false, entryBanned: false, priorMonthsE9: 0, priorMonthsE10: 0 },
  };
}

/** One free seat per slot: each opening's seats, in order, never more than its quota has left. */
function seatSlots(openings, quotas, wanted) {
  const left = new Map(quotas.map((q) => [`${q.mou.id}|${q.occupation}|${q.route}`, q.seats - q.allocated]));
  const slots = [];
  for (const o of openings) {
    const key = `${o.mouId}|${o.occupation}|${o.route}`;
    for (let s = 0; s < o.seats && slots.length < wanted && (left.get(key) ?? 0) > 0; s++) {
      slots.push(o);
      left.set(key, left.get(key) - 1);
    }
  }
  return slots;
}

const REGISTER = 'mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id } }';
const ALLOCATE = 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }';
const ADVANCE = 'mutation($id: ID!, $to: CandidateStage!) { advanceCandidate(id: $id, to: $to) { stage } }';

/** Seat-holding candidates through the API; returns how many per stage. */
export async function seatCandidates(url, token, { openings, quotas }, wanted) {
  const slots = seatSlots(openings, quotas, wanted);
  const stages = await mapLimit(slots, 6, async (opening, j) => {
    const input = { profile: seatedProfile(j, opening.occupation), targetRoute: opening.route, targetOccupation: opening.occupation };
    const id = (await mustRun(url, REGISTER, { input }, token)).registerCandidate.id;
    await mustRun(url, ALLOCATE, { c: id, o: opening.id }, token);
    const stage = ['SELECTED', 'TRAINING', 'TESTING'][j % 3];
    if (stage !== 'SELECTED') await mustRun(url, ADVANCE, { id, to: 'TRAINING' }, token);
    if (stage === 'TESTING') await mustRun(url, ADVANCE, { id, to: 'TESTING' }, token);
    return stage;
  });
  return stages.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
}
