/**
 * Vacancy board: the OPEN job openings with their MoU, employer, route, seats left and the monthly
 * wage in won and in rupiah. Public data: no credentials needed.
 *
 *   node examples/dist/vacancy-board/main.js [--route E7_3] [--occupation WELDER] [--mou <id>]
 *        [--as-of YYYY-MM-DD] [--lang id|en] [--json] [--url ...] [--api-key ...]
 */
import {
  convert,
  exchangeRate,
  formatMoney,
  money,
  OCCUPATION_LABELS,
  ROUTE_LABELS,
  type DomainMoney,
  type JembatanClient,
  type Occupation,
  type OpeningItem,
  type OpeningListFilter,
  type Route,
} from '@jembatan/sdk';
import { checkDate, clientFrom, langOf, parseCommandLine, pick, runExample, todayWib, UsageError, type Lang } from '../shared/cli';

export const USAGE = `Usage: vacancy-board [--route E7_3] [--occupation WELDER] [--mou <id>] [--as-of YYYY-MM-DD] [--lang id|en] [--json]
Environment: JEMBATAN_URL, JEMBATAN_API_KEY, JEMBATAN_TOKEN.
`;

export interface BoardEntry {
  readonly id: string;
  readonly route: Route;
  readonly occupation: Occupation;
  readonly mou: { readonly idn: string; readonly en: string };
  readonly mouStatus: string;
  readonly employer: string;
  readonly seats: number;
  readonly seatsLeft: number;
  readonly wageBasis: string;
  /** Monthly wage in whole won (the minimum wage for STATUTORY_MINIMUM; null when not stated). */
  readonly wageKrw: number | null;
  /** The same in whole rupiah at the dated working rate. */
  readonly wageIdr: number | null;
  readonly contractMonths: number | null;
}

/** Reads the board and the two parameters the wage needs (minimum wage, KRW→IDR rate) as of `asOf`. */
export async function vacancyBoard(client: JembatanClient, filter: OpeningListFilter, asOf: string) {
  const params = await client.parameters.list(asOf, ['korea.minimumWageMonthlyKrw', 'fx.idrPerKrw']);
  const param = (id: string) => {
    const p = params.find((x) => x.parameterId === id);
    if (!p) throw new Error(`parameter ${id} is not in force on ${asOf}`);
    return p;
  };
  const minimumWage = money(Number(param('korea.minimumWageMonthlyKrw').value), 'KRW');
  const fx = param('fx.idrPerKrw');
  const rate = exchangeRate({
    base: 'KRW',
    quote: 'IDR',
    rate: String(fx.value),
    asOf: fx.effectiveFrom,
    source: `parameter fx.idrPerKrw (${fx.effectiveFrom})`,
    isDefault: fx.isDefault,
  });
  const entries: BoardEntry[] = [];
  const openings: OpeningItem[] = [];
  for await (const opening of client.openings.board(filter)) {
    openings.push(opening);
    let krw: DomainMoney | null = null;
    if (opening.wage.basis === 'FIXED' && opening.wage.monthly) krw = money(opening.wage.monthly.amount, 'KRW');
    if (opening.wage.basis === 'STATUTORY_MINIMUM') krw = minimumWage;
    entries.push({
      id: opening.id,
      route: opening.route,
      occupation: opening.occupation,
      mou: { idn: opening.mou.title.idn, en: opening.mou.title.en },
      mouStatus: opening.mou.status,
      employer: opening.employer.shortName ?? opening.employer.name,
      seats: opening.seats,
      seatsLeft: opening.seatsLeft,
      wageBasis: opening.wage.basis,
      wageKrw: krw?.amount ?? null,
      wageIdr: krw ? convert(krw, rate).amount : null,
      contractMonths: opening.contractMonths,
    });
  }
  return { asOf, rate, minimumWage, entries, openings };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    route: { type: 'string' },
    occupation: { type: 'string' },
    mou: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const lang: Lang = langOf(values.lang);
  const asOf = checkDate(values['as-of'] ?? todayWib(), '--as-of');
  if (values.route && !(values.route in ROUTE_LABELS)) throw new UsageError(`unknown route ${values.route}`);
  if (values.occupation && !(values.occupation in OCCUPATION_LABELS)) throw new UsageError(`unknown occupation ${values.occupation}`);
  const filter: OpeningListFilter = {
    ...(values.route ? { route: values.route as Route } : {}),
    ...(values.occupation ? { occupation: values.occupation as Occupation } : {}),
    ...(values.mou ? { mouId: values.mou } : {}),
  };
  const board = await vacancyBoard(clientFrom(values), filter, asOf);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ asOf, idrPerKrw: board.rate.rate, entries: board.entries }, null, 2)}\n`);
    return 0;
  }
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  const out: string[] = [];
  out.push(t(`Papan lowongan — per ${asOf}: ${board.entries.length} lowongan terbuka`, `Vacancy board — as of ${asOf}: ${board.entries.length} open positions`));
  out.push(
    t(
      `Kurs: 1 KRW = Rp ${board.rate.rate} (${board.rate.source}${board.rate.isDefault ? ', nilai kerja, bukan kurs resmi' : ''})`,
      `Rate: 1 KRW = IDR ${board.rate.rate} (${board.rate.source}${board.rate.isDefault ? ', a working default, not an official rate' : ''})`,
    ),
  );
  board.entries.forEach((e, i) => {
    const wage =
      e.wageKrw === null
        ? t('belum dinyatakan', 'not stated yet')
        : `${formatMoney(money(e.wageKrw, 'KRW'))} ${t('per bulan', 'a month')} ≈ ${formatMoney(money(e.wageIdr ?? 0, 'IDR'))}` +
          (e.wageBasis === 'STATUTORY_MINIMUM' ? t(' (upah minimum Korea)', ' (Korean minimum wage)') : '');
    out.push('');
    out.push(`${i + 1}. ${pick(lang, OCCUPATION_LABELS[e.occupation])} · ${pick(lang, ROUTE_LABELS[e.route])}`);
    out.push(`   MoU: ${pick(lang, e.mou)} (${e.mouStatus})`);
    out.push(`   ${t('Pemberi kerja', 'Employer')}: ${e.employer}`);
    out.push(`   ${t('Kursi tersisa', 'Seats left')}: ${e.seatsLeft} ${t('dari', 'of')} ${e.seats}`);
    out.push(`   ${t('Upah', 'Wage')}: ${wage}`);
    out.push(`   ${t('Kontrak', 'Contract')}: ${e.contractMonths === null ? t('belum dinyatakan', 'not stated') : `${e.contractMonths} ${t('bulan', 'months')}`}`);
    out.push(`   id: ${e.id}`);
  });
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

if (require.main === module) runExample(main, USAGE);
