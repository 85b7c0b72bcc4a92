/**
 * The demo program's organisations, MoUs, quotas and job openings, built through the domain's
 * factories and guarded transitions (so the demo can never hold a record the domain would refuse).
 *
 * It starts from the seed program (DOMAIN.md §1, `buildSeedProgram`: the city, APJATI, PT One Asia,
 * the two Korean counties, KP2MI, KIOTEC, BBPVP Serang, KOSHIPA, the example KUR bank, the APJATI
 * MoU, the two county MoUs in exploration, the three unverified job orders) and adds, all marked
 * as examples:
 * - synthetic P3MI members, Korean employers and language/skill schools (`isExample: true`, names
 *   starting "[CONTOH]");
 * - ASSUMPTION (marked in every history note): the two county MoUs go through Kemendagri review and
 *   are signed during 2026 (Hannam on 2026-03-16, Yongnam on 2026-05-11), with synthetic P3MI members
 *   as implementers and obligations summarising the program;
 * - quotas sized to the demo (`JEMBATAN_DEMO_CANDIDATES`): the seed's E-7-3 quotas, an E-7-3 plant
 *   engineer quota, and E-7-3 pilot quotas under each county MoU;
 * - synthetic job orders, verified by the labour attaché (synthetic references) and OPEN, paying the
 *   Korean statutory minimum wage (the `korea.minimumWageMonthlyKrw` parameter: no wage is invented).
 */
import {
  buildSeedProgram,
  DomainError,
  money,
  ok,
  type Result,
  type WageTerms,
  JobOpening,
  parameterSnapshot,
  Party,
  Quota,
  SEED_IDS,
  unwrap,
  type CreatePartyInput,
  type IsoDate,
  type Mou,
  type Occupation,
  type OpeningRequirements,
  type ParameterSnapshot,
  type Route,
} from '../../domain';
import { plusDays, wib } from './calendar';
import type { DemoRandom } from './random';

export const DEMO_ACTOR = 'demo:jembatan-demo';
export const DEMO_PREFIX = '[CONTOH]';

/** The synthetic marker every demo record carries in a note the API shows. */
export const DEMO_NOTE =
  'DATA CONTOH SINTETIS (npm run demo): bukan data program yang sebenarnya. / SYNTHETIC EXAMPLE DATA (npm run demo): not real program data.';

/** Where candidate-level parameters of the demo stop: no event is dated after this day. */
export const DEMO_AS_OF: IsoDate = '2026-11-27';
/** First registrations of the program (it was announced on 10 Dec 2025). */
export const DEMO_FIRST_REGISTRATION: IsoDate = '2026-01-05';

const ASSUMPTION = (text: string): string => `${DEMO_PREFIX} Asumsi demo / demo assumption: ${text}`;

const paramsCache = new Map<string, ParameterSnapshot>();
/** The parameter snapshot of a date (cached: the demo asks for the same days many times). */
export function paramsOn(date: IsoDate): ParameterSnapshot {
  let p = paramsCache.get(date);
  if (!p) {
    p = parameterSnapshot(date);
    paramsCache.set(date, p);
  }
  return p;
}

export interface DemoOpening {
  readonly opening: JobOpening;
  readonly quota: Quota;
  readonly mou: Mou;
  /** The day it was published (OPEN) on the vacancy board. */
  readonly publishedOn: IsoDate;
}

export interface DemoProgram {
  readonly parties: readonly Party[];
  /** Parents before children. */
  readonly mous: readonly Mou[];
  readonly quotas: readonly Quota[];
  /** Every opening (the seed's unverified drafts included). */
  readonly openings: readonly JobOpening[];
  /** The OPEN ones, with their quota and MoU, that candidates are selected for. */
  readonly open: readonly DemoOpening[];
  /** Record instants for `createdAt` (id → instant). */
  readonly createdAt: ReadonlyMap<string, string>;
  readonly trainingProviders: readonly Party[];
}

/** Occupations of the E-7-3 shipbuilding trades and their share of candidates (synthetic). */
export const E73_OCCUPATIONS: ReadonlyArray<readonly [Occupation, number]> = [
  ['WELDER', 45],
  ['SHIP_PAINTER', 25],
  ['SHIP_ELECTRICIAN', 22],
  ['PLANT_ENGINEER', 8],
];
export const PILOT_OCCUPATIONS: ReadonlyArray<readonly [Occupation, number]> = [
  ['WELDER', 50],
  ['SHIP_PAINTER', 26],
  ['SHIP_ELECTRICIAN', 24],
];

/** Share of candidates aiming at each route (the E-9 and E-8 registrants show the other routes' rules). */
export const ROUTE_SHARES: ReadonlyArray<readonly [Route, number]> = [
  ['E7_3', 68],
  ['E7_3_PILOT', 25],
  ['E9', 5],
  ['E8', 2],
];

/** Share of candidates who hold or used a seat (selected and beyond), see candidates.ts. */
export const SEAT_SHARE = 0.32;

function party(rng: DemoRandom, input: Omit<CreatePartyInput, 'id' | 'isExample' | 'note'> & { note: string }): Party {
  return unwrap(Party.create({ ...input, id: rng.uuid(), isExample: true, note: `${input.note} ${DEMO_NOTE}` }));
}

function demoParties(rng: DemoRandom): { p3mi: Party[]; employers: Party[]; schools: Party[] } {
  const p3mi = ['Karya Samudra Demo', 'Bahari Tenaga Demo', 'Serang Prima Demo', 'Banten Sejahtera Demo'].map((name, i) =>
    party(rng, {
      kind: 'P3MI',
      name: `${DEMO_PREFIX} PT ${name}`,
      shortName: `${DEMO_PREFIX} ${name.split(' ')[0]}`,
      country: 'ID',
      licence: { sip3miNumber: `CONTOH-SIP3MI-${String(i + 1).padStart(4, '0')}`, sip2miNumber: `CONTOH-SIP2MI-${String(i + 1).padStart(4, '0')}` },
      note: 'P3MI fiktif anggota APJATI (nomor izin contoh). / Fictitious P3MI member of APJATI (example licence numbers).',
    }),
  );
  const employers = ['Demo Shipyard Alpha', 'Demo Shipyard Beta', 'Demo Marine Coatings', 'Demo Ship Electric', 'Demo Offshore Plant'].map((name) =>
    party(rng, {
      kind: 'EMPLOYER',
      name: `${DEMO_PREFIX} ${name} Co.`,
      country: 'KR',
      note: 'Pemberi kerja fiktif di Korea. / Fictitious Korean employer.',
    }),
  );
  const schools = ['LPK Bahasa Korea Demo Serang', 'LPK Las dan Cat Kapal Demo'].map((name) =>
    party(rng, {
      kind: 'TRAINING_PROVIDER',
      name: `${DEMO_PREFIX} ${name}`,
      country: 'ID',
      note: 'Lembaga pelatihan fiktif. / Fictitious training provider.',
    }),
  );
  return { p3mi, employers, schools };
}

const SIGNATORY = `${DEMO_PREFIX} Tidak disebut (data contoh) / not named (demo data)`;

/** ASSUMPTION: the county MoU goes through review and is signed during 2026. */
function signCountyMou(mou: Mou, countyId: string, implementers: readonly Party[], reviewOn: IsoDate, signOn: IsoDate): void {
  for (const p of implementers) unwrap(mou.addParty(p, { role: 'IMPLEMENTER', isSignatory: false }));
  unwrap(
    mou.addObligation(SEED_IDS.party.pemkotSerang, {
      id: `${DEMO_PREFIX} Mendaftarkan dan menyeleksi warga Kota Serang; memfasilitasi pelatihan bahasa Korea.`,
      en: `${DEMO_PREFIX} Register and select residents of Kota Serang; facilitate Korean language training.`,
    }),
  );
  unwrap(
    mou.addObligation(countyId, {
      id: `${DEMO_PREFIX} Menerbitkan rekomendasi kerja (program percontohan visa regional) untuk lowongan yang diverifikasi.`,
      en: `${DEMO_PREFIX} Issue employment recommendations (regional visa pilot) for verified job orders.`,
    }),
  );
  unwrap(mou.setSignatory(SEED_IDS.party.pemkotSerang, { isSignatory: true, name: SIGNATORY, title: null }));
  unwrap(mou.setSignatory(countyId, { isSignatory: true, name: SIGNATORY, title: null }));
  unwrap(mou.setValidity(signOn, null));
  unwrap(mou.submitForReview({ at: wib(reviewOn), actor: DEMO_ACTOR, note: ASSUMPTION('diajukan ke Kemendagri / submitted to Kemendagri') }));
  unwrap(mou.sign({ at: wib(signOn, 10), actor: DEMO_ACTOR, signedOn: signOn, note: ASSUMPTION('ditandatangani pada 2026 / signed during 2026') }));
  unwrap(mou.activate({ at: wib(signOn, 11), actor: DEMO_ACTOR, note: ASSUMPTION('berlaku sejak penandatanganan / in force from signing') }));
}

interface OpeningPlan {
  readonly mou: Mou;
  readonly quota: Quota;
  readonly employer: Party;
  readonly seats: number;
  readonly contractMonths: number;
  readonly extraRequirements: OpeningRequirements;
  readonly createdOn: IsoDate;
  readonly verifiedOn: IsoDate;
  readonly publishedOn: IsoDate;
}

/** Seats a quota needs for `candidates` candidates spread by the shares above (with room to spare). */
function seatsFor(candidates: number, routeShare: number, occupationShare: number): number {
  return Math.ceil(candidates * SEAT_SHARE * routeShare * occupationShare * 1.5) + 10;
}

interface ProgramMous {
  readonly apjati: Mou;
  readonly hannam: Mou;
  readonly yongnam: Mou;
}

const shareOf = (list: ReadonlyArray<readonly [Occupation, number]>, o: Occupation): number =>
  (list.find(([x]) => x === o)?.[1] ?? 0) / list.reduce((n, [, w]) => n + w, 0);
const routeShare = (r: Route): number => (ROUTE_SHARES.find(([x]) => x === r)?.[1] ?? 0) / ROUTE_SHARES.reduce((n, [, w]) => n + w, 0);
const quotaNote = (text: string): string => `${DEMO_PREFIX} ${text} ${DEMO_NOTE}`;

/** The seed's E-7-3 quotas resized to the demo, an E-7-3 plant engineer quota, and pilot quotas under each county MoU. */
function buildQuotas(rng: DemoRandom, seedQuotas: readonly Quota[], mous: ProgramMous, candidates: number, createdAt: Map<string, string>): Quota[] {
  const quotas: Quota[] = [];
  for (const q of seedQuotas) {
    unwrap(q.changeSeats(Math.max(q.seats, seatsFor(candidates, routeShare('E7_3'), shareOf(E73_OCCUPATIONS, q.occupation)))));
    quotas.push(q);
    createdAt.set(q.id, wib('2025-12-10'));
  }
  const apjatiCreated = '2026-01-05';
  const plant = unwrap(
    Quota.create({
      id: rng.uuid(),
      mou: mous.apjati,
      occupation: 'PLANT_ENGINEER',
      route: 'E7_3',
      seats: seatsFor(candidates, routeShare('E7_3'), shareOf(E73_OCCUPATIONS, 'PLANT_ENGINEER')),
      note: quotaNote('Kuota contoh teknisi plant E-7-3. / Example E-7-3 plant engineer quota.'),
      asOf: apjatiCreated,
    }),
  );
  quotas.push(plant);
  createdAt.set(plant.id, wib(apjatiCreated));
  for (const [mou, on] of [
    [mous.hannam, '2026-03-16'],
    [mous.yongnam, '2026-05-11'],
  ] as const) {
    for (const [occupation] of PILOT_OCCUPATIONS) {
      const q = unwrap(
        Quota.create({
          id: rng.uuid(),
          mou,
          occupation,
          route: 'E7_3_PILOT',
          seats: Math.ceil(seatsFor(candidates, routeShare('E7_3_PILOT'), shareOf(PILOT_OCCUPATIONS, occupation)) / 2) + 5,
          note: quotaNote('Kuota contoh program percontohan E-7-3. / Example E-7-3 pilot quota.'),
          asOf: on,
        }),
      );
      quotas.push(q);
      createdAt.set(q.id, wib(on, 12));
    }
  }
  return quotas;
}

/** Synthetic job orders: two per quota (different employers), with their dates. */
function planOpenings(quotas: readonly Quota[], mous: ProgramMous, employers: readonly Party[]): OpeningPlan[] {
  const employerFor = (occupation: Occupation, i: number): Party => {
    const pool =
      occupation === 'SHIP_PAINTER' ? [employers[2]!, employers[0]!] : occupation === 'SHIP_ELECTRICIAN' ? [employers[3]!, employers[1]!] : occupation === 'PLANT_ENGINEER' ? [employers[4]!, employers[1]!] : [employers[0]!, employers[1]!];
    return pool[i % pool.length]!;
  };
  const plans: OpeningPlan[] = [];
  for (const quota of quotas) {
    const pilot = quota.route === 'E7_3_PILOT';
    const mou = quota.mouId === mous.hannam.id ? mous.hannam : quota.mouId === mous.yongnam.id ? mous.yongnam : mous.apjati;
    const start: IsoDate = mou === mous.hannam ? '2026-03-23' : mou === mous.yongnam ? '2026-05-18' : '2026-01-12';
    const first = Math.ceil(quota.seats * 0.6);
    [first, quota.seats - first]
      .filter((n) => n > 0)
      .forEach((seats, i) => {
        plans.push({
          mou,
          quota,
          employer: employerFor(quota.occupation, i),
          seats,
          contractMonths: pilot ? 24 : 36,
          // the pilot asks for a Korean test at TOPIK-1 level (its route rule); one E-7-3 order per trade sets an age limit
          extraRequirements: !pilot && i === 1 ? { maxAge: 40 } : {},
          createdOn: start,
          verifiedOn: plusDays(start, 14 + i * 7),
          publishedOn: plusDays(start, 21 + i * 7),
        });
      });
  }
  return plans;
}

/**
 * Publish each planned job order at the Korean statutory minimum wage (parameter); where the domain's
 * E-7-3 floor (a share of Korea's GNI per capita, parameters) is higher, at exactly that floor, as the
 * domain computed it.
 */
function publishOpenings(rng: DemoRandom, plans: readonly OpeningPlan[], createdAt: Map<string, string>): DemoOpening[] {
  const open: DemoOpening[] = [];
  for (const [n, plan] of plans.entries()) {
    const id = rng.uuid();
    let opening = publishedOpening(id, n, plan, { basis: 'STATUTORY_MINIMUM' });
    if (!opening.ok && opening.error.code === 'OPENING.WAGE_BELOW_E73_FLOOR') {
      const floor = Number(opening.error.details?.['minimumMonthly']);
      if (!Number.isSafeInteger(floor) || floor <= 0) throw new Error('demo: the E-7-3 wage floor has no monthly amount');
      opening = publishedOpening(id, n, plan, { basis: 'FIXED', monthly: money(floor, 'KRW') });
    }
    if (!opening.ok) throw new DomainError(opening.error);
    createdAt.set(id, wib(plan.createdOn));
    open.push({ opening: opening.value, quota: plan.quota, mou: plan.mou, publishedOn: plan.publishedOn });
  }
  return open;
}

export function buildDemoProgram(rng: DemoRandom, candidates: number): DemoProgram {
  const seed = unwrap(buildSeedProgram());
  const createdAt = new Map<string, string>();
  const { p3mi, employers, schools } = demoParties(rng);
  const byId = new Map(seed.mous.map((m) => [m.id, m]));
  const mous: ProgramMous = { apjati: byId.get(SEED_IDS.mou.apjati)!, hannam: byId.get(SEED_IDS.mou.hannam)!, yongnam: byId.get(SEED_IDS.mou.yongnam)! };
  signCountyMou(mous.hannam, SEED_IDS.party.kabupatenHannam, [p3mi[0]!, p3mi[1]!, schools[0]!], '2026-01-19', '2026-03-16');
  signCountyMou(mous.yongnam, SEED_IDS.party.kabupatenYongnam, [p3mi[2]!, p3mi[3]!, schools[1]!], '2026-03-09', '2026-05-11');
  for (const m of seed.mous) createdAt.set(m.id, m.history[0]!.at);
  const quotas = buildQuotas(rng, seed.quotas, mous, candidates, createdAt);
  const open = publishOpenings(rng, planOpenings(quotas, mous, employers), createdAt);
  for (const o of seed.openings) createdAt.set(o.id, o.history[0]!.at);
  return {
    parties: [...seed.parties, ...p3mi, ...employers, ...schools],
    mous: seed.mous,
    quotas,
    openings: [...seed.openings, ...open.map((o) => o.opening)],
    open,
    createdAt,
    trainingProviders: schools,
  };
}

/** Create the job order, record the attaché's verification and publish it (the domain checks every step). */
function publishedOpening(id: string, n: number, plan: OpeningPlan, wage: WageTerms): Result<JobOpening> {
  const wageText =
    wage.basis === 'FIXED'
      ? `upah KRW ${wage.monthly.amount}/bulan (batas E-7-3 dari parameter) / KRW ${wage.monthly.amount} a month (the E-7-3 floor, from parameters)`
      : 'upah minimum Korea (parameter) / Korean minimum wage (parameter)';
  const created = JobOpening.create({
    id,
    mou: plan.mou,
    employer: plan.employer,
    occupation: plan.quota.occupation,
    route: plan.quota.route,
    seats: plan.seats,
    wage,
    contractMonths: plan.contractMonths,
    extraRequirements: plan.extraRequirements,
    note: `${DEMO_PREFIX} Job order contoh no. ${n + 1}: ${wageText}, kontrak ${plan.contractMonths} bulan / ${plan.contractMonths}-month contract. ${DEMO_NOTE}`,
    at: wib(plan.createdOn),
    actor: DEMO_ACTOR,
  });
  if (!created.ok) return created;
  const opening = created.value;
  const verified = opening.recordAttacheVerification({ verifiedOn: plan.verifiedOn, reference: `CONTOH/ATNAKER-SEOUL/2026/${String(n + 1).padStart(3, '0')}` });
  if (!verified.ok) return verified;
  const published = opening.publish({
    at: wib(plan.publishedOn),
    actor: DEMO_ACTOR,
    note: `${DEMO_PREFIX} Diterbitkan di papan lowongan (data contoh). / Published on the vacancy board (demo data).`,
    mou: plan.mou,
    quota: plan.quota,
    params: paramsOn(plan.publishedOn),
  });
  return published.ok ? ok(opening) : published;
}
