/**
 * setUpfrontCashLine: record a new value of the city's up-front cash line ("no resident sells
 * belongings", issue 12), effective from a date, with its source. History is kept: the setting is a
 * new row, never an update of an earlier one (the table refuses UPDATE and DELETE), and a later
 * setting with the same effective date supersedes the earlier one from that date on.
 *
 * Checks (each a BAD_USER_INPUT with a stable `domainCode` and the field path in the arguments; a
 * refused setting writes nothing, audit row included):
 * - `UPFRONT_CASH_LINE.CURRENCY_NOT_IDR`: the line is in rupiah (`input.amount.currency`);
 * - `UPFRONT_CASH_LINE.AMOUNT_NOT_WHOLE_RUPIAH`: `input.amount.amount` is not a whole number of
 *   rupiah as a decimal string of 1–15 digits;
 * - `UPFRONT_CASH_LINE.AMOUNT_NOT_POSITIVE`: the amount is 0 (a line of zero would call every worker
 *   who pays anything "over the line");
 * - `UPFRONT_CASH_LINE.EFFECTIVE_FROM_IMPLAUSIBLE`: `input.effectiveFrom` is before the program's
 *   first MoU (DOMAIN.md §1, the seed fixture's earliest `validFrom`: there is nothing to judge
 *   earlier) or more than `MAX_DAYS_AHEAD` days after today (WIB): a plausibility bound against
 *   typing the wrong year, not a policy figure;
 * - `UPFRONT_CASH_LINE.SOURCE_REQUIRED`: `input.source` is empty or only spaces.
 */
import { addYears, compareDates, parseIsoDate, SEED_PROGRAM, type IsoDate, type Messages } from '../domain';
import { UpfrontCashLineRecord } from '../persistence/upfront-cash-line.schema';
import { recordChange } from './audit';
import { dateOf, inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { rejected, type FieldPath } from './use-case-error';

export interface SetUpfrontCashLineCommand {
  readonly amount: { readonly amount: string; readonly currency: string };
  readonly effectiveFrom: IsoDate;
  readonly source: string;
}

/** The earliest effective date accepted: the program's first MoU (DOMAIN.md §1, 8 Dec 2025). */
export const EARLIEST_EFFECTIVE_FROM: IsoDate = SEED_PROGRAM.mous
  .map((m) => m.validFrom)
  .filter((d): d is IsoDate => typeof d === 'string')
  .sort(compareDates)[0]!;

/** How far ahead a line may be set to take effect: one year (plausibility bound, see the top of the file). */
export const MAX_YEARS_AHEAD = 1;

export const MAX_SOURCE_LENGTH = 2000;

const WHOLE_RUPIAH = /^[0-9]{1,15}$/;

function refuse(domainCode: string, messages: Messages, field: FieldPath, details?: Readonly<Record<string, string | number | boolean | null>>): never {
  throw rejected('BAD_USER_INPUT', messages, { field, domainCode, ...(details ? { details } : {}) });
}

/** The checked values, or a refusal (see the top of the file). */
export function checkUpfrontCashLine(command: SetUpfrontCashLineCommand, today: IsoDate): { amountIdr: string; effectiveFrom: IsoDate; source: string } {
  const { amount, currency } = command.amount;
  if (currency !== 'IDR') {
    refuse('UPFRONT_CASH_LINE.CURRENCY_NOT_IDR', { id: 'Batas uang tunai harus dalam rupiah (IDR).', en: 'The cash line must be in rupiah (IDR).' }, ['input', 'amount', 'currency']);
  }
  if (typeof amount !== 'string' || !WHOLE_RUPIAH.test(amount)) {
    refuse(
      'UPFRONT_CASH_LINE.AMOUNT_NOT_WHOLE_RUPIAH',
      { id: 'Jumlah harus bilangan bulat rupiah (1–15 angka, tanpa titik atau tanda).', en: 'The amount must be a whole number of rupiah (1–15 digits, no separators or sign).' },
      ['input', 'amount', 'amount'],
    );
  }
  if (BigInt(amount) <= 0n) {
    refuse('UPFRONT_CASH_LINE.AMOUNT_NOT_POSITIVE', { id: 'Batas uang tunai harus lebih dari nol.', en: 'The cash line must be above zero.' }, ['input', 'amount', 'amount']);
  }
  const effectiveFrom = parseIsoDate(command.effectiveFrom, ['input', 'effectiveFrom']);
  const latest = addYears(today, MAX_YEARS_AHEAD);
  if (compareDates(effectiveFrom, EARLIEST_EFFECTIVE_FROM) < 0 || compareDates(effectiveFrom, latest) > 0) {
    refuse(
      'UPFRONT_CASH_LINE.EFFECTIVE_FROM_IMPLAUSIBLE',
      {
        id: `Tanggal berlaku harus antara ${EARLIEST_EFFECTIVE_FROM} (MoU pertama program) dan ${latest} (satu tahun dari hari ini).`,
        en: `The effective date must be between ${EARLIEST_EFFECTIVE_FROM} (the program's first MoU) and ${latest} (one year from today).`,
      },
      ['input', 'effectiveFrom'],
      { earliest: EARLIEST_EFFECTIVE_FROM, latest },
    );
  }
  const source = typeof command.source === 'string' ? command.source.trim() : '';
  if (source.length === 0) {
    refuse('UPFRONT_CASH_LINE.SOURCE_REQUIRED', { id: 'Sumber angka wajib diisi (mis. nomor keputusan).', en: 'The source of the figure is required (e.g. the decree number).' }, ['input', 'source']);
  }
  if (source.length > MAX_SOURCE_LENGTH) {
    refuse('UPFRONT_CASH_LINE.SOURCE_TOO_LONG', { id: `Sumber paling banyak ${MAX_SOURCE_LENGTH} karakter.`, en: `The source may have at most ${MAX_SOURCE_LENGTH} characters.` }, ['input', 'source'], { max: MAX_SOURCE_LENGTH });
  }
  return { amountIdr: String(BigInt(amount)), effectiveFrom, source };
}

export function setUpfrontCashLine(command: SetUpfrontCashLineCommand, deps: UseCaseDeps): Promise<UpfrontCashLineRecord> {
  const at = nowTimestamp(deps);
  const checked = checkUpfrontCashLine(command, dateOf(at));
  return inTransaction(deps, async (em) => {
    // one setting at a time: `sequence` is then gapless and in order, and the "line in force before"
    // in the audit row is the one this supersedes
    await em.execute('lock table "upfront_cash_line" in share row exclusive mode');
    const before = await em.findOne(
      UpfrontCashLineRecord,
      { effectiveFrom: { $lte: checked.effectiveFrom } },
      { orderBy: { effectiveFrom: 'desc', sequence: 'desc' } },
    );
    const last = await em.findOne(UpfrontCashLineRecord, { sequence: { $gt: 0 } }, { orderBy: { sequence: 'desc' } });
    const record = Object.assign(new UpfrontCashLineRecord(), { id: newId(), sequence: (last?.sequence ?? 0) + 1, ...checked, setBy: deps.actor, setAt: deps.clock.now() });
    em.persist(record);
    await recordChange(em, deps, {
      action: 'setUpfrontCashLine',
      entityType: 'UpfrontCashLine',
      entityId: record.id,
      before: before ? { id: before.id, sequence: before.sequence, amountIdr: before.amountIdr, effectiveFrom: before.effectiveFrom, source: before.source } : null,
      after: { id: record.id, sequence: record.sequence, ...checked },
    });
    await em.flush();
    return record;
  });
}
