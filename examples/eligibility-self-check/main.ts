/**
 * Eligibility self-check for a resident: reads a profile from a JSON file, asks the gateway's
 * `eligibilityCheck` (nothing is stored) and prints the verdict, every rule's outcome under its legal
 * source, and the checklist of what to do next — in Bahasa Indonesia, or English with `--lang en`.
 * Public: no credentials needed.
 *
 *   node examples/dist/eligibility-self-check/main.js examples/eligibility-self-check/resident-profile.json
 *        [--route E7_3] [--occupation WELDER] [--opening <id>] [--as-of YYYY-MM-DD] [--lang id|en]
 *
 * The file holds `{ "route": ..., "occupation": ..., "profile": { ... } }` (flags win), or just the
 * profile; the profile has the fields of the schema's `CandidateProfileInput`, every one optional.
 */
import { readFileSync } from 'node:fs';
import {
  OCCUPATION_LABELS,
  ROUTE_LABELS,
  type CandidateProfileInput,
  type EligibilityResult,
  type Occupation,
  type Route,
} from '@jembatan/sdk';
import { checkDate, clientFrom, langOf, parseCommandLine, pick, runExample, todayWib, UsageError, type Lang } from '../shared/cli';

export const USAGE = `Usage: eligibility-self-check <profile.json> [--route E7_3] [--occupation WELDER] [--opening <id>] [--as-of YYYY-MM-DD] [--lang id|en]
Environment: JEMBATAN_URL (JEMBATAN_API_KEY / JEMBATAN_TOKEN are sent when set).
`;

const VERDICT = {
  ELIGIBLE: { id: 'MEMENUHI SYARAT', en: 'ELIGIBLE' },
  ACTION_NEEDED: { id: 'PERLU TINDAKAN', en: 'ACTION NEEDED' },
  INELIGIBLE: { id: 'TIDAK MEMENUHI SYARAT', en: 'NOT ELIGIBLE' },
} as const;
const OUTCOME = {
  PASS: { id: '✓ LULUS ', en: '✓ PASS   ' },
  FAIL: { id: '✗ GAGAL ', en: '✗ FAIL   ' },
  MISSING: { id: '? KURANG', en: '? MISSING' },
} as const;
const STAGE = { SELECTION: { id: 'SELEKSI', en: 'SELECTION' }, DEPARTURE: { id: 'KEBERANGKATAN', en: 'DEPARTURE' } } as const;

export interface SelfCheckFile {
  readonly route?: Route;
  readonly occupation?: Occupation;
  readonly profile: CandidateProfileInput;
}

export function readProfileFile(file: string): SelfCheckFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`${file} must hold a JSON object`);
  const o = parsed as Record<string, unknown>;
  return 'profile' in o ? (o as unknown as SelfCheckFile) : { profile: o as CandidateProfileInput };
}

/** The report, line by line. */
export function formatEvaluation(e: EligibilityResult, lang: Lang): string[] {
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  const yes = (b: boolean) => (b ? t('ya', 'yes') : t('tidak', 'no'));
  const out: string[] = [];
  out.push(
    t('Pemeriksaan kelayakan mandiri', 'Eligibility self-check') +
      ` — ${pick(lang, ROUTE_LABELS[e.route])}` +
      (e.occupation ? `, ${pick(lang, OCCUPATION_LABELS[e.occupation])}` : '') +
      `, ${t('per', 'as of')} ${e.asOf}`,
  );
  out.push(`${t('Aturan', 'Rules')}: ${pick(lang, e.ruleSet.title)} (${e.ruleSet.id})`);
  if (e.routeStatus.status !== 'OPEN') out.push(`${t('Status rute', 'Route status')}: ${e.routeStatus.status} — ${pick(lang, e.routeStatus.note)}`);
  out.push('');
  out.push(`${t('Hasil', 'Verdict')}: ${pick(lang, VERDICT[e.verdict.selection])} — ${pick(lang, e.verdict.summary)}`);
  out.push(`  ${t('Dapat diseleksi', 'Eligible to be selected')}: ${yes(e.verdict.eligibleToBeSelected)} · ${t('Siap berangkat', 'Ready to depart')}: ${yes(e.verdict.readyToDepart)}`);
  const c = e.verdict.counts;
  out.push('');
  out.push(`${t('Aturan', 'Rules')} (${t('lulus', 'pass')} ${c.pass}, ${t('gagal', 'fail')} ${c.fail}, ${t('kurang', 'missing')} ${c.missing}):`);
  for (const r of e.results) {
    out.push(`  ${pick(lang, OUTCOME[r.outcome])} ${r.ruleId} [${r.clause}] ${pick(lang, r.title)}: ${pick(lang, r.message)}`);
  }
  out.push('');
  out.push(`${t('Daftar periksa', 'Checklist')} (${e.checklist.length}):`);
  e.checklist.forEach((item, i) => {
    const when = [
      item.notBefore ? `${t('tidak sebelum', 'not before')} ${item.notBefore}` : '',
      item.dueBy ? `${t('paling lambat', 'by')} ${item.dueBy}` : '',
    ].filter(Boolean);
    out.push(`  ${i + 1}. [${pick(lang, STAGE[item.stage])}] ${pick(lang, item.message)}${when.length ? ` (${when.join(', ')})` : ''}`);
  });
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    route: { type: 'string' },
    occupation: { type: 'string' },
    opening: { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('give one profile JSON file');
  const lang = langOf(values.lang);
  const input = readProfileFile(file);
  const route = (values.route ?? input.route) as Route | undefined;
  if (!route || !(route in ROUTE_LABELS)) throw new UsageError(`give a route (${Object.keys(ROUTE_LABELS).join(', ')}) with --route or in the file`);
  const occupation = (values.occupation ?? input.occupation) as Occupation | undefined;
  if (occupation !== undefined && !(occupation in OCCUPATION_LABELS)) throw new UsageError(`unknown occupation ${occupation}`);
  const evaluation = await clientFrom(values).eligibility.check({
    profile: input.profile,
    route,
    asOf: checkDate(values['as-of'] ?? todayWib(), '--as-of'),
    ...(occupation ? { occupation } : {}),
    ...(values.opening ? { openingId: values.opening } : {}),
  });
  process.stdout.write(`${formatEvaluation(evaluation, lang).join('\n')}\n`);
  return 0;
}

if (require.main === module) runExample(main, USAGE);
