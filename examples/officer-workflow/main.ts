/**
 * Officer workflow (Disnakertrans): publish a job opening, register a candidate, add documents,
 * check eligibility, allocate a seat and move the candidate through the pre-departure stages,
 * printing each step. Needs an OFFICER (or ADMIN) API key: JEMBATAN_API_KEY or --api-key.
 *
 *   node examples/dist/officer-workflow/main.js [--opening <id>] [--as-of YYYY-MM-DD] [--nik <16 digits>]
 *        [--wage-krw 3400000] [--contract-months 36] [--attache-ref KBRI-SEOUL/2026/001] [--until ORIENTATION]
 *
 * Without --opening it takes the first OPEN E-7-3 welder opening with seats left, else the first DRAFT one (the seed's is a DRAFT
 * with no wage and no attaché verification: the officer records the job order's wage and contract,
 * the labour attaché's verification, then publishes it). Wage, contract and attaché reference are
 * demonstration values: give the job order's real ones with the flags.
 */
import {
  formatMoney,
  isJembatanError,
  money,
  type CandidateDetails,
  type CandidateProfileInput,
  type CandidateStage,
  type DocumentRecordInput,
  type JembatanClient,
  type Occupation,
  type OpeningDetails,
} from '@jembatan/sdk';
import { checkDate, clientFrom, langOf, parseCommandLine, pick, runExample, shiftDate, todayWib, UsageError, withoutNulls, type Lang } from '../shared/cli';

export const USAGE = `Usage: officer-workflow [--opening <id>] [--as-of YYYY-MM-DD] [--nik <16 digits>] [--wage-krw <won>]
       [--contract-months <n>] [--attache-ref <reference>] [--until <stage>] [--lang id|en]
Environment: JEMBATAN_URL, JEMBATAN_API_KEY (an OFFICER key), JEMBATAN_TOKEN.
`;

const STAGES_AFTER_SELECTION: readonly CandidateStage[] = ['TRAINING', 'TESTING', 'MEDICAL', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'VISA', 'ORIENTATION'];

/** A valid Kota Serang NIK (3673 01 …) for a man born on `birth`, with a serial number. */
export function demoNik(birth: string, serial: number): string {
  const [y, m, d] = birth.split('-') as [string, string, string];
  return `367301${d}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
}

/** A candidate who meets the E-7-3 selection rules on `asOf` (TOPIK I, a KOSHIPA skill verification for the occupation). */
export function demoProfile(asOf: string, nik: string, birth: string, occupation: Occupation): CandidateProfileInput {
  return {
    nik,
    declaredBirthDate: birth,
    declaredSex: 'M',
    education: 'SLTA',
    address: { kecamatan: 'Cipocok Jaya', city: 'Kota Serang', source: 'KTP' },
    topikResults: [{ test: 'TOPIK_I', takenOn: shiftDate(asOf, -7), score: 150 }],
    skillVerifications: [
      { occupation, certifier: 'KOSHIPA', qualification: occupation === 'WELDER' ? 'FCAW 3G' : null, testedOn: shiftDate(asOf, -3), passed: true },
    ],
    koreaHistory: { deported: false, entryBanned: false, priorMonthsE9: 0, priorMonthsE10: 0 },
    criminalRecord: { everImprisoned: false },
    familyConsent: { givenBy: 'PARENT', givenOn: shiftDate(asOf, -1), acknowledgedByVillageHead: true },
    bpjsNumber: '12345678901',
  };
}

export interface WorkflowResult {
  readonly openingId: string;
  readonly candidateId: string;
  readonly stage: CandidateStage;
}

export async function officerWorkflow(
  client: JembatanClient,
  options: { asOf: string; openingId?: string; nik?: string; wageKrw: string; contractMonths: number; attacheRef: string; until: CandidateStage; lang: Lang },
  print: (line: string) => void,
): Promise<WorkflowResult> {
  const { asOf, lang } = options;
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  const krw = (m: { amount: string } | null) => (m ? formatMoney(money(m.amount, 'KRW')) : '—');
  let step = 0;
  const say = (id: string, en: string) => print(`[${++step}] ${t(id, en)}`);

  // 1. The opening
  let opening: OpeningDetails | null = null;
  if (options.openingId) {
    opening = await client.openings.get(options.openingId);
    if (!opening) throw new UsageError(`no opening ${options.openingId}`);
  } else {
    let draft: string | undefined;
    for await (const o of client.openings.list({ route: 'E7_3', occupation: 'WELDER' })) {
      if (o.status === 'OPEN' && o.seatsLeft > 0) {
        opening = await client.openings.get(o.id);
        break;
      }
      if (o.status === 'DRAFT' && !draft) draft = o.id;
    }
    if (!opening && draft) opening = await client.openings.get(draft);
    if (!opening) throw new Error('no E-7-3 welder opening to work with: create one under a signed MoU first');
  }
  say(
    `Lowongan ${opening.id}: ${opening.occupation} ${opening.route}, MoU "${opening.mou.title.idn}" (${opening.mou.status}), status ${opening.status}, kursi tersisa ${opening.seatsLeft}/${opening.seats}`,
    `Opening ${opening.id}: ${opening.occupation} ${opening.route}, MoU "${opening.mou.title.en}" (${opening.mou.status}), status ${opening.status}, seats left ${opening.seatsLeft}/${opening.seats}`,
  );

  if (opening.status === 'DRAFT') {
    if (opening.wage.basis === 'NOT_STATED' || opening.contractMonths === null) {
      opening = await client.openings.update({ id: opening.id, wage: { basis: 'FIXED', monthlyKrw: options.wageKrw }, contractMonths: options.contractMonths });
      say(
        `Job order dicatat: upah ${krw(opening.wage.monthly)} per bulan, kontrak ${opening.contractMonths} bulan`,
        `Job order recorded: wage ${krw(opening.wage.monthly)} a month, contract ${opening.contractMonths} months`,
      );
    }
    if (!opening.verifiedByAttache) {
      opening = await client.openings.update({ id: opening.id, attacheVerifiedOn: asOf, attacheReference: options.attacheRef });
      say(`Verifikasi atase ketenagakerjaan dicatat (${opening.attacheVerifiedOn})`, `Labour attaché verification recorded (${opening.attacheVerifiedOn})`);
    }
    opening = await client.openings.publish(opening.id, t('Diterbitkan di papan lowongan', 'Published on the vacancy board'));
    say(`Lowongan diterbitkan: status ${opening.status}`, `Opening published: status ${opening.status}`);
  }
  if (opening.status !== 'OPEN') throw new Error(`opening ${opening.id} is ${opening.status}, not OPEN`);

  // 2. Register the candidate (a generated NIK is retried on CONFLICT: the NIK must be unique)
  const birth = shiftDate(asOf, -12 * 27);
  let candidate: CandidateDetails | undefined;
  for (let attempt = 0; !candidate; attempt += 1) {
    const nik = options.nik ?? demoNik(birth, 1 + ((Date.now() + attempt * 7919) % 9999));
    try {
      candidate = await client.candidates.register({
        profile: demoProfile(asOf, nik, birth, opening.occupation),
        targetRoute: opening.route,
        targetOccupation: opening.occupation,
        note: t('Didaftarkan di Disnakertrans Kota Serang', 'Registered at Disnakertrans Kota Serang'),
        externalRefs: [{ system: 'SIAPKERJA', reference: `AK1-${nik.slice(-6)}` }],
      });
    } catch (e) {
      if (isJembatanError(e, 'CONFLICT') && !options.nik && attempt < 5) continue;
      throw e;
    }
  }
  say(`Calon terdaftar: ${candidate.id}, NIK ${candidate.nikMasked}, tahap ${candidate.stage}`, `Candidate registered: ${candidate.id}, NIK ${candidate.nikMasked}, stage ${candidate.stage}`);

  // 3. Documents gathered at registration
  const add = async (document: DocumentRecordInput) => {
    candidate = await client.candidates.addDocument(candidate!.id, document);
    say(
      `Dokumen ditambahkan: ${document.kind}${document.verified ? ' (terverifikasi)' : ''} — dokumen tersimpan: ${candidate.profile.documents?.length ?? 0}`,
      `Document added: ${document.kind}${document.verified ? ' (verified)' : ''} — documents on file: ${candidate.profile.documents?.length ?? 0}`,
    );
  };
  await add({ kind: 'KTP', verified: true });
  await add({ kind: 'KK', verified: true });
  await add({ kind: 'AK1_CARD', issuedOn: shiftDate(asOf, -1), verified: true });
  await add({ kind: 'FAMILY_CONSENT', issuedOn: shiftDate(asOf, -1), verified: true });

  // 4. Eligibility for the opening
  const evaluation = await client.candidates.eligibility({ id: candidate.id, openingId: opening.id, asOf });
  if (!evaluation) throw new Error('candidate disappeared');
  const c = evaluation.verdict.counts;
  say(
    `Kelayakan: ${evaluation.verdict.selection} — ${pick(lang, evaluation.verdict.summary)} (lulus ${c.pass}, gagal ${c.fail}, kurang ${c.missing})`,
    `Eligibility: ${evaluation.verdict.selection} — ${pick(lang, evaluation.verdict.summary)} (pass ${c.pass}, fail ${c.fail}, missing ${c.missing})`,
  );
  for (const item of evaluation.checklist.slice(0, 5)) print(`      - [${item.stage}] ${pick(lang, item.message)}`);
  if (!evaluation.verdict.eligibleToBeSelected) throw new Error('the candidate is not eligible to be selected: see the checklist');

  // 5. A seat of the opening's quota
  const allocation = await client.candidates.allocateSeat({ candidateId: candidate.id, openingId: opening.id, note: t('Lolos seleksi', 'Passed selection') });
  say(
    `Kursi dialokasikan: penempatan ${allocation.placement.id}, kursi tersisa ${allocation.placement.opening.seatsLeft}/${allocation.placement.opening.seats}, tahap ${allocation.candidate.stage}`,
    `Seat allocated: placement ${allocation.placement.id}, seats left ${allocation.placement.opening.seatsLeft}/${allocation.placement.opening.seats}, stage ${allocation.candidate.stage}`,
  );

  // 6. The stages, with what each gate needs recorded first
  const before: Partial<Record<CandidateStage, () => Promise<void>>> = {
    PLACEMENT_AGREEMENT: async () => {
      const profile = withoutNulls(candidate!.profile) as CandidateProfileInput;
      candidate = await client.candidates.updateProfile({
        id: candidate!.id,
        profile: {
          ...profile,
          medical: {
            examinedOn: asOf,
            physicallyFit: true,
            psychologicallyFit: true,
            colourBlind: false,
            completeFingers: true,
            conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false, HIV: false },
          },
        },
      });
      say('Hasil pemeriksaan kesehatan dan psikologi dicatat', 'Medical and psychological results recorded');
      await add({ kind: 'MEDICAL_PSYCHOLOGICAL_CERTIFICATE', issuedOn: asOf, verified: true });
    },
    EMPLOYMENT_CONTRACT: () => add({ kind: 'PLACEMENT_AGREEMENT', issuedOn: asOf, verified: true }),
    VISA: async () => {
      await add({ kind: 'EMPLOYMENT_CONTRACT', issuedOn: asOf, verified: true });
      await add({ kind: 'PASSPORT', issuedOn: asOf, expiresOn: shiftDate(asOf, 60, -1), verified: true });
    },
    ORIENTATION: () => add({ kind: 'WORK_VISA', issuedOn: asOf, expiresOn: shiftDate(asOf, 36), verified: true }),
  };
  let stage: CandidateStage = allocation.candidate.stage;
  for (const next of STAGES_AFTER_SELECTION) {
    if (STAGES_AFTER_SELECTION.indexOf(options.until) < STAGES_AFTER_SELECTION.indexOf(next)) break;
    await before[next]?.();
    candidate = await client.candidates.advance({ id: candidate.id, to: next });
    stage = candidate.stage;
    say(`Tahap berikutnya: ${stage}`, `Next stage: ${stage}`);
  }

  print('');
  print(t('Riwayat tahap:', 'Stage history:'));
  for (const h of candidate.history) print(`  ${h.sequence}. ${h.from ?? '—'} → ${h.to} (${h.at.slice(0, 10)}, ${h.actor})`);
  print(`opening: ${opening.id}`);
  print(`candidate: ${candidate.id}`);
  return { openingId: opening.id, candidateId: candidate.id, stage };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    opening: { type: 'string' },
    'as-of': { type: 'string' },
    nik: { type: 'string' },
    'wage-krw': { type: 'string', default: '3400000' },
    'contract-months': { type: 'string', default: '36' },
    'attache-ref': { type: 'string', default: 'KBRI-SEOUL/DEMO/001' },
    until: { type: 'string', default: 'ORIENTATION' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const until = values.until as CandidateStage;
  if (!STAGES_AFTER_SELECTION.includes(until)) throw new UsageError(`--until must be one of ${STAGES_AFTER_SELECTION.join(', ')}`);
  if (values.nik !== undefined && !/^\d{16}$/.test(values.nik)) throw new UsageError('--nik must be 16 digits');
  if (!/^\d+$/.test(values['wage-krw'])) throw new UsageError('--wage-krw must be whole won');
  const contractMonths = Number(values['contract-months']);
  if (!Number.isInteger(contractMonths) || contractMonths < 1) throw new UsageError('--contract-months must be a whole number');
  await officerWorkflow(
    clientFrom(values),
    {
      asOf: checkDate(values['as-of'] ?? todayWib(), '--as-of'),
      ...(values.opening ? { openingId: values.opening } : {}),
      ...(values.nik ? { nik: values.nik } : {}),
      wageKrw: values['wage-krw'],
      contractMonths,
      attacheRef: values['attache-ref'],
      until,
      lang: langOf(values.lang),
    },
    (line) => process.stdout.write(`${line}\n`),
  );
  return 0;
}

if (require.main === module) runExample(main, USAGE);
