#!/usr/bin/env node
/**
 * `npm run bench:eligibility` (issue 11, "eligibility at bulk speed"): the domain's eligibility on
 * the built dist, one core, in one run:
 * - the full evaluation (`evaluateEligibility`: per-rule results, messages, checklist), profiles/s;
 * - the verdict-only path (`compileEligibility` once per route, date and opening, then one call per
 *   profile), verdicts/s, and how it compares with the full evaluation (every verdict checked equal
 *   on the profiles the full evaluation ran);
 * - the bulk verdict-only path: the pool prepared once (`prepareCandidateProfiles`, route-, date- and
 *   opening-independent; its time reported apart), then `compiled.evaluatePrepared(prepared)` for
 *   the whole pool, verdicts/s (every bulk verdict checked equal to the per-profile one);
 * - a hand-written predicate of the same checks for one route (E-7-3, welder opening), the floor;
 * - ranking N candidates for one opening (`rankCandidatesQuick`: preparing inside, on a pool
 *   prepared before, and a first page of 100; `rankCandidates`, the full path, on a slice and scaled);
 * - re-evaluating the stored eligibility of N candidates against the 4 routes (per profile, and in
 *   bulk with the preparation included).
 * Settings: BENCH_ELIGIBILITY_CANDIDATES (100,000), BENCH_ELIGIBILITY_FULL (10,000 profiles through
 * the full evaluation), BENCH_ELIGIBILITY_ROUNDS (5 timed passes of the fast paths; the best is kept).
 * The profiles are synthetic, from a seeded generator, and valid (`validateCandidateProfile`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { describeMachine } from './lib/settings.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'packages', 'domain', 'package.json'));
const domain = require(path.join(here, '..', 'packages', 'domain', 'dist', 'index.js'));
const { compileEligibility, evaluateEligibility, parameterSnapshot, prepareCandidateProfiles, prepareRankingCandidates, rankCandidates, rankCandidatesQuick, validateCandidateProfile, ROUTES, PREPARED_SELECTION_STATUSES } = domain;

const int = (name, fallback) => {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return Number(raw);
};
const N = int('BENCH_ELIGIBILITY_CANDIDATES', 100_000);
const FULL = Math.min(N, int('BENCH_ELIGIBILITY_FULL', 10_000));
const ROUNDS = int('BENCH_ELIGIBILITY_ROUNDS', 5);
const AS_OF = '2026-03-01';
const OPENING = { occupation: 'WELDER' };

// ------------------------------------------------------------------ synthetic profiles (seeded)
let seed = 0x1b873593;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const chance = (p) => rnd() < p;
const two = (n) => String(n).padStart(2, '0');
const date = (y0, y1) => `${y0 + Math.floor(rnd() * (y1 - y0 + 1))}-${two(1 + Math.floor(rnd() * 12))}-${two(1 + Math.floor(rnd() * 28))}`;
const KINDS = ['MARITAL_STATUS_CERTIFICATE', 'FAMILY_CONSENT', 'COMPETENCY_CERTIFICATE', 'MEDICAL_PSYCHOLOGICAL_CERTIFICATE', 'PASSPORT', 'WORK_VISA', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'KTP', 'KK', 'SKCK', 'AK1_CARD'];

function profile(i) {
  const birth = date(1982, 2009);
  const female = chance(0.4);
  const [y, m, d] = birth.split('-').map(Number);
  const p = {
    nik: `367301${two(female ? d + 40 : d)}${two(m)}${two(y % 100)}${String(1 + (i % 9999)).padStart(4, '0')}`,
    declaredBirthDate: chance(0.97) ? birth : date(1982, 2009),
    declaredSex: female ? 'F' : 'M',
    address: { kecamatan: pick(['Kasemen', 'Cipocok Jaya', 'Taktakan', 'Curug', 'Walantaka', 'Serang', 'Cikande']), city: pick(['Kota Serang', 'Kota Serang', 'Kota Serang', 'Kab. Serang']) },
    education: pick(['SD', 'SLTP', 'SLTA', 'SLTA', 'D3', 'S1']),
    koreaHistory: { deported: chance(0.01), entryBanned: chance(0.01), priorMonthsE9: chance(0.9) ? 0 : 30, priorMonthsE10: 0 },
    bpjsNumber: chance(0.6) ? '12345678901' : undefined,
    familyConsent: chance(0.6) ? { givenBy: 'PARENT', acknowledgedByVillageHead: chance(0.8) } : undefined,
    medical: chance(0.6) ? { physicallyFit: chance(0.95), psychologicallyFit: true, colourBlind: chance(0.05), completeFingers: true, conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false, HIV: false } } : undefined,
    criminalRecord: { everImprisoned: chance(0.02) },
    epsTopikResults: chance(0.5) ? [{ takenOn: date(2023, 2025), score: Math.floor(rnd() * 200) }] : [],
    topikResults: chance(0.5) ? [{ test: 'TOPIK_I', takenOn: date(2023, 2025), score: Math.floor(rnd() * 200) }] : [],
    pilotKoreanTests: chance(0.3) ? [{ takenOn: date(2024, 2025), level: Math.floor(rnd() * 3), speakingPassed: chance(0.7) }] : [],
    skillVerifications: chance(0.6) ? [{ occupation: pick(['WELDER', 'SHIP_PAINTER', 'MANUFACTURING_WORKER']), certifier: pick(['KOSHIPA', 'BNSP_LSP']), qualification: 'FCAW 3G', testedOn: date(2024, 2025), passed: chance(0.8) }] : [],
    documents: KINDS.filter(() => chance(0.7)).map((kind) => ({ kind, issuedOn: date(2022, 2025), verified: chance(0.85), ...(kind === 'PASSPORT' || kind === 'SKCK' ? { expiresOn: date(2025, 2031) } : {}) })),
    plannedDeparture: chance(0.5) ? date(2026, 2027) : undefined,
  };
  return JSON.parse(JSON.stringify(p)); // drops the undefined fields
}

// ------------------------------------------------------------------ the floor: E-7-3 by hand
/**
 * A hand-written selection verdict for E-7-3 / welder on AS_OF: the same checks, hard-coded (route
 * open and occupation known; NIK shape and declared-data match; residency by the city and kecamatan
 * names the generator uses; KTP and AK/1 present and verified; age ≥ 18; no entry ban). No parameter
 * look-up, no rule table, no text: the floor the compiled path is measured against.
 */
const SERANG_KECAMATAN = new Set(['Kasemen', 'Cipocok Jaya', 'Taktakan', 'Curug', 'Walantaka', 'Serang']);
function floorSelection(p, adultCut) {
  let finalFail = false;
  let open = false;
  const nik = p.nik;
  if (nik === undefined) open = true;
  else if (nik.length !== 16 || (p.declaredBirthDate !== undefined && nik.slice(8, 12) !== p.declaredBirthDate.slice(5, 7) + p.declaredBirthDate.slice(2, 4))) open = true;
  const a = p.address;
  if (a === undefined || a.kecamatan === undefined) open = true;
  else if (a.city !== 'Kota Serang' || !SERANG_KECAMATAN.has(a.kecamatan)) finalFail = true;
  let ktp = false;
  let ak1 = false;
  for (const d of p.documents ?? []) {
    if (d.kind === 'KTP' && d.verified === true) ktp = true;
    else if (d.kind === 'AK1_CARD' && d.verified === true) ak1 = true;
  }
  if (!ktp || !ak1) open = true;
  const b = p.declaredBirthDate;
  if (b === undefined || b > adultCut) open = true;
  const ban = p.koreaHistory?.entryBanned;
  if (ban === undefined) open = true;
  else if (ban) finalFail = true;
  return finalFail ? 'INELIGIBLE' : open ? 'ACTION_NEEDED' : 'ELIGIBLE';
}

// ------------------------------------------------------------------ measuring
const say = (s) => process.stdout.write(`${s}\n`);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
function best(rounds, fn) {
  let bestMs = Infinity;
  let out;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    out = fn();
    bestMs = Math.min(bestMs, performance.now() - t);
  }
  return { ms: bestMs, out };
}

function main() {
  const machine = describeMachine();
  say(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, load ${machine.loadAverage1m}; ${fmt(N)} candidates, full evaluation on ${fmt(FULL)}, best of ${ROUNDS} rounds`);
  const params = parameterSnapshot(AS_OF);
  let t = performance.now();
  const profiles = [];
  let refused = 0;
  for (let i = 0; profiles.length < N; i++) {
    const v = validateCandidateProfile(profile(i), { asOf: AS_OF, params, nikCheck: 'TYPE_ONLY' });
    if (v.ok) profiles.push(v.value);
    else refused++;
  }
  say(`${fmt(N)} valid synthetic profiles built in ${fmt(performance.now() - t)} ms (${refused} invalid ones skipped)`);

  const input = { route: 'E7_3', asOf: AS_OF, params, opening: OPENING };
  // full evaluation
  const full = best(1, () => profiles.slice(0, FULL).map((profile) => evaluateEligibility({ ...input, profile }).verdict));
  const fullRate = (FULL / full.ms) * 1000;
  // compiled
  t = performance.now();
  const compiled = compileEligibility(input);
  const compileMs = performance.now() - t;
  const tally = (fn) => {
    const c = { ELIGIBLE: 0, ACTION_NEEDED: 0, INELIGIBLE: 0 };
    for (let i = 0; i < N; i++) c[fn(profiles[i])]++;
    return c;
  };
  const fast = best(ROUNDS, () => tally((p) => compiled(p).selection));
  const fastRate = (N / fast.ms) * 1000;
  let mismatches = 0;
  for (let i = 0; i < FULL; i++) {
    const v = compiled(profiles[i]);
    const f = full.out[i];
    if (v.selection !== f.selection || v.departure !== f.departure || v.finalFailures.join() !== f.finalFailures.join()) mismatches++;
  }
  // floor
  const adultCut = `${Number(AS_OF.slice(0, 4)) - params.get('law.minimumAge')}${AS_OF.slice(4)}`;
  const floor = best(ROUNDS, () => tally((p) => floorSelection(p, adultCut)));
  const floorRate = (N / floor.ms) * 1000;
  let floorAgrees = 0;
  for (let i = 0; i < N; i++) if (floorSelection(profiles[i], adultCut) === compiled(profiles[i]).selection) floorAgrees++;

  say('');
  say(`E-7-3, welder opening, as of ${AS_OF}: selection ${JSON.stringify(fast.out)}`);
  say(`  full evaluation (evaluateEligibility)   ${fmt(fullRate).padStart(11)} profiles/s  (${(1000 / fullRate * 1000).toFixed(2)} µs each, ${fmt(FULL)} profiles)`);
  say(`  verdict-only (compileEligibility)       ${fmt(fastRate).padStart(11)} verdicts/s  (${(1000 / fastRate * 1000).toFixed(3)} µs each; compiled once in ${compileMs.toFixed(2)} ms)`);
  say(`  hand-written predicate (floor)          ${fmt(floorRate).padStart(11)} verdicts/s  (${(1000 / floorRate * 1000).toFixed(3)} µs each)`);
  say(`  ratios: verdict-only / full ${(fastRate / fullRate).toFixed(1)}×; verdict-only / floor ${(fastRate / floorRate).toFixed(3)} (floor ${(floorRate / fastRate).toFixed(1)}× faster)`);
  say(`  the verdict-only path agrees with the full evaluation on ${fmt(FULL - mismatches)} of ${fmt(FULL)} profiles; the floor's selection with the verdict-only path on ${fmt(floorAgrees)} of ${fmt(N)}`);
  say(`  goal ≥ 1,000,000 verdicts/s, per-profile call: ${fastRate >= 1e6 ? 'met' : 'NOT met'}`);

  // bulk: prepare once, then the whole pool per compiled route / date / opening
  const prep = best(Math.min(ROUNDS, 3), () => prepareCandidateProfiles(profiles));
  const prepared = prep.out;
  const bulkTally = () => {
    const v = compiled.evaluatePrepared(prepared);
    const c = { ELIGIBLE: 0, ACTION_NEEDED: 0, INELIGIBLE: 0 };
    for (let i = 0; i < N; i++) c[PREPARED_SELECTION_STATUSES[v.selection[i]]]++;
    return c;
  };
  const bulk = best(ROUNDS * 4, bulkTally);
  const bulkRate = (N / bulk.ms) * 1000;
  const bulkV = compiled.evaluatePrepared(prepared);
  let bulkMismatches = 0;
  for (let i = 0; i < N; i++) {
    const a = bulkV.verdict(i);
    const b = compiled(profiles[i]);
    if (a.selection !== b.selection || a.departure !== b.departure || a.failing.join() !== b.failing.join() || a.finalFailures.join() !== b.finalFailures.join() || a.departurePassed !== b.departurePassed) bulkMismatches++;
  }
  mismatches += bulkMismatches;
  say(`  bulk verdict-only (evaluatePrepared)    ${fmt(bulkRate).padStart(11)} verdicts/s  (${(1000 / bulkRate * 1000).toFixed(3)} µs each; ${fmt(N)} in ${bulk.ms.toFixed(1)} ms) on a pool prepared once in ${fmt(prep.ms)} ms (${(prep.ms * 1000 / N).toFixed(2)} µs a profile, reused for every route, opening and date)`);
  say(`  ratios: bulk / floor ${(bulkRate / floorRate).toFixed(2)}× (the floor reads the profile objects; the bulk path reads the prepared columns); bulk / per-profile ${(bulkRate / fastRate).toFixed(1)}×; bulk including one preparation ${fmt(N / (prep.ms + bulk.ms) * 1000)} verdicts/s`);
  say(`  the bulk verdicts equal the per-profile ones on ${fmt(N - bulkMismatches)} of ${fmt(N)}`);
  say(`  goal ≥ 1,000,000 verdicts/s, bulk: ${bulkRate >= 1e6 ? 'met' : 'NOT met'}`);

  // ranking
  const candidates = profiles.map((profile, i) => ({ id: `c${String(i).padStart(6, '0')}`, profile, registeredOn: `2025-${two(1 + (i % 12))}-${two(1 + (i % 28))}` }));
  const quick = best(ROUNDS, () => rankCandidatesQuick({ ...input, candidates }));
  const poolPrep = best(1, () => prepareRankingCandidates(candidates));
  const pool = poolPrep.out;
  const quickPrepared = best(ROUNDS, () => rankCandidatesQuick({ ...input, candidates, prepared: pool }));
  const quickPage = best(ROUNDS, () => rankCandidatesQuick({ ...input, candidates, prepared: pool, limit: 100 }));
  const pageSame = quickPage.out.every((r, i) => r.id === quick.out[i].id && r.score.total === quick.out[i].score.total) && quickPrepared.out.every((r, i) => r.id === quick.out[i].id);
  const slice = candidates.slice(0, FULL);
  const slow = best(1, () => rankCandidates({ ...input, candidates: slice }));
  const quickSlice = rankCandidatesQuick({ ...input, candidates: slice });
  const sameOrder = pageSame && quickSlice.every((r, i) => r.id === slow.out[i].id && r.score.total === slow.out[i].score.total && r.selection === slow.out[i].selection);
  say('');
  say(`ranking ${fmt(N)} candidates for one opening (rankCandidatesQuick, all ${fmt(N)} ranked and returned):`);
  say(`  profiles prepared inside: ${quick.ms.toFixed(1)} ms  (target < 200 ms: ${quick.ms < 200 ? 'met' : 'NOT met'})`);
  say(`  on a ranking pool prepared before (prepareRankingCandidates, ${fmt(poolPrep.ms)} ms once): ${quickPrepared.ms.toFixed(1)} ms  (target < 200 ms: ${quickPrepared.ms < 200 ? 'met' : 'NOT met'}); first page of 100 (limit): ${quickPage.ms.toFixed(1)} ms; same entries as the full ranking: ${pageSame}`);
  say(`  rankCandidates (full evaluations) on ${fmt(FULL)}: ${fmt(slow.ms)} ms, ≈ ${fmt((slow.ms * N) / FULL)} ms scaled to ${fmt(N)}; same order and scores on that slice: ${sameOrder}`);

  // re-evaluation of the stored eligibility: every candidate against each of the 4 routes
  const reeval = best(ROUNDS, () => {
    let eligible = 0;
    for (const route of ROUTES) {
      const c = compileEligibility({ route, asOf: AS_OF, params });
      for (let i = 0; i < N; i++) if (c(profiles[i]).selection === 'ELIGIBLE') eligible++;
    }
    return eligible;
  });
  say(`re-evaluating ${fmt(N)} candidates against ${ROUTES.length} routes (${fmt(N * ROUTES.length)} verdicts, compile included): ${reeval.ms.toFixed(1)} ms per profile  (target < 5 s: ${reeval.ms < 5000 ? 'met' : 'NOT met'}); full evaluation ≈ ${fmt((N * ROUTES.length) / fullRate * 1000)} ms at the rate above`);
  const reevalBulk = best(ROUNDS, () => {
    let eligible = 0;
    const pool = prepareCandidateProfiles(profiles);
    for (const route of ROUTES) {
      const v = compileEligibility({ route, asOf: AS_OF, params }).evaluatePrepared(pool);
      for (let i = 0; i < N; i++) if (v.selection[i] === 0) eligible++;
    }
    return eligible;
  });
  say(`  in bulk, one preparation included: ${reevalBulk.ms.toFixed(1)} ms  (target < 5 s: ${reevalBulk.ms < 5000 ? 'met' : 'NOT met'}); same eligible count: ${reevalBulk.out === reeval.out}`);
  process.exit(mismatches === 0 && sameOrder && reevalBulk.out === reeval.out ? 0 : 1);
}

main();
