/**
 * Synthetic candidates for the demo, one at a time, each walked through the pipeline by the domain
 * itself: `Candidate.register`, `updateProfile` as documents, tests and the medical arrive,
 * `selectCandidate` (a quota seat and a placement), `advance` through every gated stage,
 * `recordStageOnPlacement` for departure, start of work and return, `releaseCandidateSeat` for a
 * withdrawal or rejection after selection. So every stored stage is one the domain's gates allowed,
 * with a history, documents and an eligibility verdict that agree with it.
 *
 * Nothing here is a real person: NIKs follow the demo scheme (nik.ts: regency code 3699, which does
 * not exist), the gateway stores no names, the registration note and an external reference
 * `OTHER: CONTOH-DEMO-…` mark every record as synthetic. The distributions below (sex, age,
 * kecamatan, education, route, stage, durations, loan amounts) are illustrative choices for a demo,
 * not statistics of Kota Serang.
 */
import {
  Candidate,
  CANDIDATE_PRE_DEPARTURE_STAGES,
  KOTA_SERANG_KECAMATAN,
  recordStageOnPlacement,
  releaseCandidateSeat,
  selectCandidate,
  type CandidateExitReason,
  type CandidateProfile,
  type CandidateSnapshot,
  type CandidateStage,
  type DocumentKind,
  type DocumentRecord,
  type EducationLevel,
  type IsoDate,
  type JobOpening,
  type KotaSerangKecamatan,
  type Occupation,
  type Placement,
  type PlacementSnapshot,
  type Route,
  type Sex,
} from '../../domain';
import { storedEligibility, type StoredVerdict } from '../../use-cases/candidate-writes';
import { dateOfDay, dayNumber, plusDays, wib } from './calendar';
import { DemoNikIssuer } from './nik';
import {
  DEMO_ACTOR,
  DEMO_AS_OF,
  DEMO_FIRST_REGISTRATION,
  DEMO_NOTE,
  DEMO_PREFIX,
  E73_OCCUPATIONS,
  paramsOn,
  PILOT_OCCUPATIONS,
  ROUTE_SHARES,
  type DemoOpening,
  type DemoProgram,
} from './program';
import type { DemoRandom } from './random';

export interface DemoPlacement {
  readonly snapshot: PlacementSnapshot;
  readonly opening: JobOpening;
  readonly allocatedAt: string;
}

export interface DemoCandidate {
  readonly snapshot: CandidateSnapshot;
  readonly registeredAt: string;
  readonly lastChangeAt: string;
  readonly eligibility: StoredVerdict;
  readonly placement: DemoPlacement | undefined;
  /** When a financing plan is recorded for the candidate (financing.ts builds it). */
  readonly financing: { readonly on: IsoDate; readonly amountIdr: number; readonly tenorMonths: number } | undefined;
}

/** Final stages of candidates on the E-7-3 routes (weights, per cent). */
const FINAL_STAGES: ReadonlyArray<readonly [CandidateStage, number]> = [
  ['REGISTERED', 58],
  ['SELECTED', 5],
  ['TRAINING', 8],
  ['TESTING', 4],
  ['MEDICAL', 2.5],
  ['PLACEMENT_AGREEMENT', 2],
  ['EMPLOYMENT_CONTRACT', 1.5],
  ['VISA', 1.5],
  ['ORIENTATION', 1],
  ['DEPARTED', 1],
  ['PLACED', 4],
  ['RETURNED', 0.5],
  ['WITHDRAWN', 6],
  ['REJECTED', 5],
];
const WITHDRAWN_FROM: ReadonlyArray<readonly [CandidateStage, number]> = [
  ['REGISTERED', 40],
  ['SELECTED', 15],
  ['TRAINING', 25],
  ['TESTING', 8],
  ['MEDICAL', 5],
  ['PLACEMENT_AGREEMENT', 4],
  ['VISA', 3],
];
const REJECTED_FROM: ReadonlyArray<readonly [CandidateStage, number]> = [
  ['REGISTERED', 15],
  ['TESTING', 55],
  ['MEDICAL', 30],
];
/** Days from the previous stage to this one: [min, max]. */
const DAYS_TO: Readonly<Partial<Record<CandidateStage, readonly [number, number]>>> = {
  SELECTED: [14, 60],
  TRAINING: [7, 21],
  TESTING: [75, 95],
  MEDICAL: [10, 30],
  PLACEMENT_AGREEMENT: [7, 21],
  EMPLOYMENT_CONTRACT: [7, 21],
  VISA: [14, 30],
  ORIENTATION: [14, 40],
  DEPARTED: [5, 15],
  PLACED: [1, 3],
  RETURNED: [60, 180],
};
const PIPELINE: readonly CandidateStage[] = [...CANDIDATE_PRE_DEPARTURE_STAGES, 'DEPARTED', 'PLACED', 'RETURNED'];

const KECAMATAN_WEIGHTS: ReadonlyArray<readonly [KotaSerangKecamatan, number]> = [
  ['SERANG', 25],
  ['CIPOCOK_JAYA', 16],
  ['CURUG', 9],
  ['KASEMEN', 17],
  ['TAKTAKAN', 16],
  ['WALANTAKA', 17],
];
const KECAMATAN_NAMES: Readonly<Record<KotaSerangKecamatan, string>> = {
  SERANG: 'Serang',
  CIPOCOK_JAYA: 'Cipocok Jaya',
  CURUG: 'Curug',
  KASEMEN: 'Kasemen',
  TAKTAKAN: 'Taktakan',
  WALANTAKA: 'Walantaka',
};
const KELURAHAN: Readonly<Record<KotaSerangKecamatan, readonly string[]>> = {
  SERANG: ['Cimuncang', 'Cipare', 'Kagungan', 'Lontarbaru', 'Kaligandu', 'Sumurpecung', 'Unyur', 'Lopang', 'Kotabaru', 'Serang', 'Sukawana', 'Terondol'],
  CIPOCOK_JAYA: ['Banjaragung', 'Banjarsari', 'Cipocok Jaya', 'Dalung', 'Gelam', 'Karundang', 'Panancangan', 'Tembong'],
  CURUG: ['Cilaku', 'Curug', 'Curug Manis', 'Kemanisan', 'Pancalaksana', 'Sukajaya', 'Sukalaksana', 'Tinggar', 'Cipete', 'Sukawana'],
  KASEMEN: ['Banten', 'Bendung', 'Kasemen', 'Kasunyatan', 'Margaluyu', 'Mesjid Priyayi', 'Sawah Luhur', 'Terumbu', 'Warung Jaud', 'Kilasah'],
  TAKTAKAN: ['Cibendung', 'Cilowong', 'Drangong', 'Kalang Anyar', 'Kuranji', 'Lialang', 'Pancur', 'Panggungjati', 'Sayar', 'Taktakan', 'Taman Baru', 'Umbul Tengah'],
  WALANTAKA: ['Cigoong', 'Kalodran', 'Kapuren', 'Nyapah', 'Pabuaran', 'Pasuluhan', 'Pengampelan', 'Pipitan', 'Teritih', 'Walantaka', 'Tegalsari', 'Lebakwangi', 'Pager Agung', 'Kiara'],
};
const EDUCATION: ReadonlyArray<readonly [EducationLevel, number]> = [
  ['SD', 8],
  ['SLTP', 22],
  ['SLTA', 55],
  ['D3', 8],
  ['S1', 7],
];
const QUALIFICATION: Readonly<Partial<Record<Occupation, string>>> = {
  WELDER: 'FCAW 3G (X-ray)',
  SHIP_PAINTER: 'Ship painting (spray)',
  SHIP_ELECTRICIAN: 'Ship electrical installation',
  PLANT_ENGINEER: 'Plant piping',
};

/** An exit's note and the reason code that matches it (candidate-exit-reasons.ts). */
type ExitNote = readonly [note: string, reason: CandidateExitReason];
const WITHDRAWAL_NOTES: readonly ExitNote[] = [
  ['Mengundurkan diri: alasan keluarga. / Withdrew: family reasons.', 'FAMILY'],
  ['Mengundurkan diri: mendapat pekerjaan di Kota Serang. / Withdrew: found a job in Kota Serang.', 'OTHER_JOB'],
  ['Mengundurkan diri: memilih program lain. / Withdrew: chose another programme.', 'OTHER'],
];
const REJECTION_NOTES: Readonly<Partial<Record<CandidateStage, ExitNote>>> = {
  REGISTERED: ['Tidak lolos: dokumen pendaftaran tidak dilengkapi. / Rejected: registration documents not completed.', 'DOCUMENTS_INCOMPLETE'],
  TESTING: ['Tidak lolos uji keterampilan KOSHIPA. / Rejected: failed the KOSHIPA skill test.', 'TEST_FAILED'],
  MEDICAL: ['Tidak lolos pemeriksaan kesehatan. / Rejected: did not pass the medical examination.', 'MEDICAL_UNFIT'],
};

interface Step {
  readonly to: CandidateStage;
  readonly on: IsoDate;
}

interface Person {
  readonly sex: Sex;
  readonly birthDate: IsoDate;
  readonly kecamatan: KotaSerangKecamatan;
  readonly resident: boolean;
  readonly route: Route;
  readonly occupation: Occupation;
  readonly entryBanned: boolean;
  readonly final: CandidateStage;
  readonly exitFrom: CandidateStage | undefined;
  readonly opening: DemoOpening | undefined;
  /** A registrant whose KTP or AK/1 card is not (verified) yet. */
  readonly incomplete: boolean;
  readonly nik: string;
}

interface Walked {
  placement: Placement | undefined;
  allocatedAt: string;
  lastAt: string | undefined;
  financing: DemoCandidate['financing'];
}

/** Makes the candidates one by one; keeps the seats it handed out (the quotas are the program's). */
export class DemoCandidateFactory {
  private readonly niks = new DemoNikIssuer();
  private readonly held = new Map<string, number>();
  private count = 0;

  constructor(
    private readonly rng: DemoRandom,
    private readonly program: DemoProgram,
  ) {}

  make(): DemoCandidate {
    const n = ++this.count;
    const person = this.drawPerson();
    const steps = this.timeline(person.opening, person.final, person.exitFrom);
    const registeredOn = steps[0]!.on;
    const registeredAt = wib(registeredOn, this.rng.int(8, 11), this.rng.int(0, 59));
    const candidate = unwrapDemo(
      Candidate.register({
        id: this.rng.uuid(),
        profile: this.initialProfile(person, registeredOn, n),
        targetRoute: person.route,
        targetOccupation: person.occupation,
        externalRefs: [{ system: 'OTHER', reference: `CONTOH-DEMO-${String(n).padStart(6, '0')}` }],
        at: registeredAt,
        actor: DEMO_ACTOR,
        note: `${DEMO_PREFIX} ${DEMO_NOTE} NIK demo 3699… (kode wilayah yang tidak ada / a region code that does not exist).`,
      }),
      'register',
    );
    const walked = this.walk(candidate, steps, person);
    const snapshot = candidate.toSnapshot();
    const lastOn = steps[steps.length - 1]!.on;
    const placement = walked.placement;
    const opening = person.opening;
    return {
      snapshot,
      registeredAt,
      lastChangeAt: walked.lastAt ?? registeredAt,
      eligibility: storedEligibility(snapshot.profile, { route: snapshot.targetRoute, occupation: snapshot.targetOccupation }, opening?.opening, lastOn),
      placement: placement && opening ? { snapshot: placement.toSnapshot(), opening: opening.opening, allocatedAt: walked.allocatedAt } : undefined,
      financing: placement && placement.status !== 'CANCELLED' ? walked.financing : undefined,
    };
  }

  /** Who the candidate is, what they aim for, and how far they get (an opening when they get selected). */
  private drawPerson(): Person {
    const rng = this.rng;
    const sex: Sex = rng.chance(0.18) ? 'F' : 'M';
    const age = rng.weighted<number>([19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38].map((a) => [a, a <= 30 ? 8 : 38 - a] as const));
    const birthDate = dateOfDay(dayNumber(DEMO_AS_OF) - age * 365 - rng.int(0, 364));
    const kecamatan = rng.weighted(KECAMATAN_WEIGHTS);
    const resident = !rng.chance(0.015);
    const route = rng.weighted(ROUTE_SHARES);
    const occupation: Occupation =
      route === 'E7_3' ? rng.weighted(E73_OCCUPATIONS) : route === 'E7_3_PILOT' ? rng.weighted(PILOT_OCCUPATIONS) : route === 'E9' ? 'MANUFACTURING_WORKER' : 'AGRICULTURE_WORKER';
    const entryBanned = rng.chance(0.003);
    const inPipeline = (route === 'E7_3' || route === 'E7_3_PILOT') && resident && !entryBanned;
    let final: CandidateStage = inPipeline ? rng.weighted(FINAL_STAGES) : rng.chance(0.05) ? 'WITHDRAWN' : 'REGISTERED';
    let exitFrom: CandidateStage | undefined =
      final === 'WITHDRAWN' ? (inPipeline ? rng.weighted(WITHDRAWN_FROM) : 'REGISTERED') : final === 'REJECTED' ? rng.weighted(REJECTED_FROM) : undefined;
    let opening: DemoOpening | undefined;
    if ((exitFrom ?? final) !== 'REGISTERED') {
      opening = this.chooseOpening(route, occupation, birthDate);
      if (!opening) {
        final = 'REGISTERED'; // every seat of the route and trade is taken
        exitFrom = undefined;
      }
    }
    const incomplete = final === 'REGISTERED' && rng.chance(0.3);
    const nik = this.niks.issue(kecamatan, birthDate, sex);
    return { sex, birthDate, kecamatan, resident, route, occupation, entryBanned, final, exitFrom, opening, incomplete, nik };
  }

  /** The profile at registration: identity, KTP/KK address, education, record; the KTP and AK/1 card (not always complete). */
  private initialProfile(p: Person, registeredOn: IsoDate, n: number): CandidateProfile {
    const rng = this.rng;
    const profile: Mutable<CandidateProfile> = {
      nik: p.nik,
      declaredBirthDate: p.birthDate,
      declaredSex: p.sex,
      address: p.resident
        ? { kecamatan: KECAMATAN_NAMES[p.kecamatan], kelurahan: rng.pick(KELURAHAN[p.kecamatan]), city: 'Kota Serang', source: rng.chance(0.8) ? 'KTP' : 'KK' }
        : { kecamatan: 'Ciruas', city: 'Kabupaten Serang', source: 'KTP' },
      education: rng.weighted(EDUCATION),
      criminalRecord: { everImprisoned: false },
      koreaHistory: { deported: false, entryBanned: p.entryBanned, priorMonthsE9: 0, priorMonthsE10: 0 },
      documents: [
        { kind: 'KTP', verified: !(p.incomplete && rng.chance(0.5)), reference: `${DEMO_PREFIX} KTP` },
        ...(p.incomplete && rng.chance(0.6) ? [] : [{ kind: 'AK1_CARD' as const, issuedOn: registeredOn, verified: true, reference: `${DEMO_PREFIX} AK/1 ${n}` }]),
      ],
    };
    if (rng.chance(0.25)) profile.topikResults = [{ test: 'TOPIK_I', takenOn: plusDays(registeredOn, -rng.int(30, 300)), score: rng.int(80, 190) }];
    return profile;
  }

  /** Every step after registration, through the domain (selection, gated stages, the placement, an exit). */
  private walk(candidate: Candidate, steps: readonly Step[], person: Person): Walked {
    const rng = this.rng;
    const { opening, occupation, route } = person;
    const out: Walked = { placement: undefined, allocatedAt: '', lastAt: undefined, financing: undefined };
    for (const step of steps.slice(1)) {
      const at = wib(step.on, rng.int(12, 16), rng.int(0, 59));
      out.lastAt = at;
      if (step.to === 'WITHDRAWN' || step.to === 'REJECTED') {
        const [note, reason] = step.to === 'WITHDRAWN' ? rng.pick(WITHDRAWAL_NOTES) : REJECTION_NOTES[candidate.stage] ?? REJECTION_NOTES.REGISTERED!;
        if (step.to === 'REJECTED') this.addFailure(candidate, step.on, occupation);
        if (out.placement && opening) {
          unwrapDemo(releaseCandidateSeat({ candidate, quota: opening.quota, placement: out.placement, to: step.to, at, actor: DEMO_ACTOR, note, reason }), 'release');
          this.held.set(opening.opening.id, (this.held.get(opening.opening.id) ?? 1) - 1);
        } else {
          unwrapDemo(candidate.advance(step.to, { at, actor: DEMO_ACTOR, note, reason }), step.to);
        }
        continue;
      }
      if (!opening) throw new Error('demo: a pipeline step without an opening');
      this.addArrivals(candidate, step.to, step.on, occupation, route);
      const params = paramsOn(step.on);
      if (step.to === 'SELECTED') {
        const note = `${DEMO_PREFIX} Terseleksi (data contoh). / Selected (demo data).`;
        const outcome = unwrapDemo(
          selectCandidate({ candidate, opening: opening.opening, quota: opening.quota, mou: opening.mou, params, placementId: rng.uuid(), at, actor: DEMO_ACTOR, note }),
          'select',
        );
        out.placement = outcome.placement;
        out.allocatedAt = at;
      } else {
        unwrapDemo(candidate.advance(step.to, { at, actor: DEMO_ACTOR, note: null, opening: opening.opening, quota: opening.quota, params }), step.to);
        if (out.placement) unwrapDemo(recordStageOnPlacement(out.placement, step.to, { on: step.on, at, actor: DEMO_ACTOR, note: null }), `placement ${step.to}`);
      }
      if (step.to === 'PLACEMENT_AGREEMENT' && rng.chance(0.65)) {
        out.financing = { on: step.on, amountIdr: rng.int(24, 80) * 500_000, tenorMonths: rng.pick([24, opening.opening.contractMonths ?? 24]) };
      }
    }
    return out;
  }

  /** An OPEN opening of the route and occupation with a free seat, whose own requirements the candidate meets. */
  private chooseOpening(route: Route, occupation: Occupation, birthDate: IsoDate): DemoOpening | undefined {
    const fits = this.program.open.filter((o) => o.opening.route === route && o.opening.occupation === occupation);
    const start = fits.length ? this.rng.int(0, fits.length - 1) : 0;
    for (let k = 0; k < fits.length; k++) {
      const o = fits[(start + k) % fits.length]!;
      const held = this.held.get(o.opening.id) ?? 0;
      if (held >= o.opening.seats || o.quota.remaining <= 0) continue;
      const maxAge = o.opening.extraRequirements.maxAge;
      if (maxAge !== undefined && dayNumber(DEMO_AS_OF) - dayNumber(birthDate) >= (maxAge + 1) * 365 - 400) continue;
      this.held.set(o.opening.id, held + 1);
      return o;
    }
    return undefined;
  }

  /** The dated steps: registration, the pipeline to `final` (or to `exitFrom`, then the exit). */
  private timeline(opening: DemoOpening | undefined, final: CandidateStage, exitFrom: CandidateStage | undefined): Step[] {
    const rng = this.rng;
    const last = exitFrom ?? final;
    const exit = exitFrom !== undefined && (final === 'WITHDRAWN' || final === 'REJECTED') ? final : undefined;
    const asOf = dayNumber(DEMO_AS_OF);
    const first = dayNumber(DEMO_FIRST_REGISTRATION);
    if (!opening || last === 'REGISTERED') {
      const reg = rng.int(first, exit ? asOf - 31 : asOf);
      const steps: Step[] = [{ to: 'REGISTERED', on: dateOfDay(reg) }];
      if (exit) steps.push({ to: exit, on: dateOfDay(reg + rng.int(3, 30)) });
      return steps;
    }
    const path = PIPELINE.slice(1, PIPELINE.indexOf(last) + 1);
    let gaps = path.slice(1).map((s) => rng.int(...DAYS_TO[s]!));
    if (exit) gaps.push(rng.int(3, 30));
    const lo = Math.max(dayNumber(opening.publishedOn) + 1, first + 14);
    const room = asOf - lo;
    let total = gaps.reduce((x, y) => x + y, 0);
    if (total > room) {
      gaps = gaps.map((g) => Math.max(1, Math.floor((g * room) / total)));
      total = gaps.reduce((x, y) => x + y, 0);
      while (total > room) {
        const i = gaps.indexOf(Math.max(...gaps));
        const cut = Math.min(total - room, gaps[i]! - 1);
        if (cut <= 0) throw new Error('demo generator: no room for the timeline');
        gaps[i]! -= cut;
        total -= cut;
      }
    }
    const selected = rng.int(lo, asOf - total);
    const reg = Math.max(first, selected - rng.int(14, 60));
    const steps: Step[] = [{ to: 'REGISTERED', on: dateOfDay(reg) }, { to: 'SELECTED', on: dateOfDay(selected) }];
    let day = selected;
    const after = exit ? [...path.slice(1), exit] : path.slice(1);
    after.forEach((s, i) => {
      day += gaps[i]!;
      steps.push({ to: s, on: dateOfDay(day) });
    });
    return steps;
  }

  /** What arrives before moving into `to` (dated on or before `on`): documents, tests, the medical. */
  private addArrivals(candidate: Candidate, to: CandidateStage, on: IsoDate, occupation: Occupation, route: Route): void {
    const rng = this.rng;
    const p: Mutable<CandidateProfile> = candidate.profile;
    const docs: DocumentRecord[] = [...(p.documents ?? [])];
    const doc = (kind: DocumentKind, daysBefore: number, extra: Partial<DocumentRecord> = {}): void => {
      docs.push({ kind, issuedOn: plusDays(on, -daysBefore), verified: true, reference: `${DEMO_PREFIX} ${kind}`, ...extra });
    };
    const has = (kind: DocumentKind): boolean => docs.some((d) => d.kind === kind);
    const readiness = (): void => {
      if (!p.bpjsNumber) p.bpjsNumber = `99${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
      if (!p.familyConsent) p.familyConsent = { givenBy: rng.chance(0.35) ? 'SPOUSE' : 'PARENT', givenOn: plusDays(on, -rng.int(1, 5)), acknowledgedByVillageHead: true };
      if (!has('KK')) doc('KK', rng.int(1, 5));
      if (!has('MARITAL_STATUS_CERTIFICATE')) doc('MARITAL_STATUS_CERTIFICATE', rng.int(1, 5));
      if (!has('SKCK')) doc('SKCK', rng.int(1, 5), { expiresOn: plusDays(on, 180) });
    };
    switch (to) {
      case 'TRAINING':
        if (rng.chance(0.8)) readiness();
        break;
      case 'MEDICAL':
        p.skillVerifications = [
          ...(p.skillVerifications ?? []),
          { occupation, certifier: 'KOSHIPA', qualification: QUALIFICATION[occupation] ?? 'Skill test', testedOn: plusDays(on, -3), passed: true },
        ];
        doc('COMPETENCY_CERTIFICATE', 2);
        if (route === 'E7_3_PILOT') p.pilotKoreanTests = [{ takenOn: plusDays(on, -5), level: rng.pick([1, 1, 2]), speakingPassed: true }];
        break;
      case 'PLACEMENT_AGREEMENT':
        p.medical = {
          examinedOn: plusDays(on, -5),
          physicallyFit: true,
          psychologicallyFit: true,
          colourBlind: false,
          completeFingers: true,
          conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false, HIV: false },
        };
        doc('MEDICAL_PSYCHOLOGICAL_CERTIFICATE', 4);
        break;
      case 'EMPLOYMENT_CONTRACT':
        doc('PLACEMENT_AGREEMENT', 2);
        break;
      case 'VISA':
        doc('EMPLOYMENT_CONTRACT', 2);
        doc('PASSPORT', 10, { expiresOn: plusDays(on, 5 * 365 - 20) });
        readiness();
        // a police certificate is valid for six months: renewed before departure when it would lapse
        if (!docs.some((d) => d.kind === 'SKCK' && d.expiresOn !== undefined && dayNumber(d.expiresOn) > dayNumber(on) + 120)) {
          doc('SKCK', 1, { expiresOn: plusDays(on, 180) });
        }
        break;
      case 'ORIENTATION':
        doc('WORK_VISA', 2, { expiresOn: plusDays(on, 3 * 365) });
        break;
      default:
        return;
    }
    p.documents = docs;
    unwrapDemo(candidate.updateProfile(p, on), `profile for ${to}`);
  }

  /** A failed skill test or medical, recorded before the rejection. */
  private addFailure(candidate: Candidate, on: IsoDate, occupation: Occupation): void {
    const p: Mutable<CandidateProfile> = candidate.profile;
    if (candidate.stage === 'TESTING') {
      p.skillVerifications = [{ occupation, certifier: 'KOSHIPA', qualification: QUALIFICATION[occupation] ?? 'Skill test', testedOn: plusDays(on, -2), passed: false }];
    } else if (candidate.stage === 'MEDICAL') {
      p.medical = { examinedOn: plusDays(on, -3), physicallyFit: false, psychologicallyFit: true };
    } else {
      return;
    }
    unwrapDemo(candidate.updateProfile(p, on), 'failure');
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A refusal here is a bug in the generator (the demo must only hold what the domain accepts). */
function unwrapDemo<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; path?: readonly string[]; details?: unknown } }, what: string): T {
  if (r.ok) return r.value;
  throw new Error(`demo generator: ${what} refused by the domain: ${r.error.code} ${JSON.stringify(r.error.path ?? [])} ${JSON.stringify(r.error.details ?? {})}`);
}
