/** The checks of setUpfrontCashLine (pure part): bounds, codes and paths; the db test covers the write. */
import { UseCaseError } from './use-case-error';
import { checkUpfrontCashLine, EARLIEST_EFFECTIVE_FROM } from './set-upfront-cash-line.use-case';
import type { IsoDate } from '../domain';

const TODAY = '2026-12-10' as IsoDate;
const good = { amount: { amount: '5000000', currency: 'IDR' }, effectiveFrom: '2026-01-01' as IsoDate, source: 'Perwal (test)' };

function failure(change: Partial<typeof good>): unknown {
  try {
    checkUpfrontCashLine({ ...good, ...change }, TODAY);
  } catch (e) {
    if (e instanceof UseCaseError && e.failure.kind === 'REJECTED') return { domainCode: e.failure.domainCode, field: e.failure.field };
    throw e;
  }
  return 'accepted';
}

describe('checkUpfrontCashLine', () => {
  it('the earliest date is the program’s first MoU (DOMAIN.md §1)', () => {
    expect(EARLIEST_EFFECTIVE_FROM).toBe('2025-12-08');
  });

  it('accepts both bounds and normalises the values', () => {
    expect(checkUpfrontCashLine({ ...good, effectiveFrom: '2025-12-08' as IsoDate, amount: { amount: '007', currency: 'IDR' }, source: ' x ' }, TODAY)).toEqual({ amountIdr: '7', effectiveFrom: '2025-12-08', source: 'x' });
    expect(failure({ effectiveFrom: '2027-12-10' as IsoDate })).toBe('accepted');
  });

  it.each([
    ['a day before the first MoU', { effectiveFrom: '2025-12-07' as IsoDate }, 'UPFRONT_CASH_LINE.EFFECTIVE_FROM_IMPLAUSIBLE', ['input', 'effectiveFrom']],
    ['more than a year ahead', { effectiveFrom: '2027-12-11' as IsoDate }, 'UPFRONT_CASH_LINE.EFFECTIVE_FROM_IMPLAUSIBLE', ['input', 'effectiveFrom']],
    ['zero', { amount: { amount: '0000', currency: 'IDR' } }, 'UPFRONT_CASH_LINE.AMOUNT_NOT_POSITIVE', ['input', 'amount', 'amount']],
    ['an exponent', { amount: { amount: '1e6', currency: 'IDR' } }, 'UPFRONT_CASH_LINE.AMOUNT_NOT_WHOLE_RUPIAH', ['input', 'amount', 'amount']],
    ['16 digits', { amount: { amount: '1234567890123456', currency: 'IDR' } }, 'UPFRONT_CASH_LINE.AMOUNT_NOT_WHOLE_RUPIAH', ['input', 'amount', 'amount']],
    ['won', { amount: { amount: '100', currency: 'KRW' } }, 'UPFRONT_CASH_LINE.CURRENCY_NOT_IDR', ['input', 'amount', 'currency']],
    ['a blank source', { source: '\t\n ' }, 'UPFRONT_CASH_LINE.SOURCE_REQUIRED', ['input', 'source']],
    ['a source too long', { source: 'x'.repeat(2001) }, 'UPFRONT_CASH_LINE.SOURCE_TOO_LONG', ['input', 'source']],
  ])('refuses %s', (_what, change, domainCode, field) => {
    expect(failure(change)).toEqual({ domainCode, field });
  });
});
