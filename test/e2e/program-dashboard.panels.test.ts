/**
 * The program dashboard's panels (examples/program-dashboard/src/panels.ts), without a browser: what
 * a panel shows for an SDK answer, above all that a withheld figure is shown as withheld (value null,
 * `suppressed`), never as 0, and that a published figure is passed on exactly as the gateway sent it.
 * The browser test (program-dashboard.browser.test.ts) checks the same tables in the page against the
 * live demo gateway.
 */
import type { FetchLike } from '@jembatan/sdk';
import fc from 'fast-check';
import { t } from '../../examples/program-dashboard/src/i18n';
import type { Cell, DisclosureInfo, PanelModel } from '../../examples/program-dashboard/src/model';
import {
  costPerPlacementPanel,
  funnelPanel,
  placementCostsPanel,
  trendsPanel,
  type CostPerPlacementInput,
  type FunnelInput,
  type TrendsInput,
} from '../../examples/program-dashboard/src/panels';
import { limitedFetch } from '../../examples/program-dashboard/src/limit';
import { lastWholeMonths } from '../../examples/program-dashboard/src/period';

const protectedView: DisclosureInfo = { protectedView: true, minCellCount: 5, suppressedCells: 1, referenceDate: '2026-11-30' };
const exactView: DisclosureInfo = { protectedView: false, minCellCount: null, suppressedCells: 0, referenceDate: '2026-12-03' };
const idr = (amount: number) => ({ amount: String(amount), currency: 'IDR' as const, decimal: amount.toFixed(0) });

function cellOf(model: PanelModel, category: string, series: string): Cell {
  const i = model.categories.findIndex((c) => c.key === category);
  const s = model.series.find((x) => x.key === series);
  if (i < 0 || !s) throw new Error(`no cell ${category}/${series} in ${model.id}`);
  return s.cells[i]!;
}

describe('lastWholeMonths: the whole calendar months before the current one', () => {
  it.each([
    ['2026-12-03', 12, '2025-12-01', '2026-11-30'],
    ['2026-01-15', 3, '2025-10-01', '2025-12-31'],
    ['2024-03-01', 1, '2024-02-01', '2024-02-29'],
    ['2026-11-27', 12, '2025-11-01', '2026-10-31'],
  ])('%s, %i months: %s to %s', (today, months, from, to) => {
    expect(lastWholeMonths(today, months)).toEqual({ from, to });
  });

  it('always starts on a 1st, ends on the last day of the month before today, and spans exactly n months', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 60 }), (d, n) => {
        const today = d.toISOString().slice(0, 10);
        const { from, to } = lastWholeMonths(today, n);
        const next = new Date(`${to}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(from.endsWith('-01')).toBe(true);
        expect(next.toISOString().slice(0, 10)).toBe(`${today.slice(0, 7)}-01`);
        const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
        expect(months).toBe(n);
      }),
    );
  });

  it('refuses a non-date and a count below 1', () => {
    expect(() => lastWholeMonths('03/12/2026', 12)).toThrow('not a date');
    expect(() => lastWholeMonths('2026-12-03', 0)).toThrow('months');
  });
});

describe('placement costs by payer', () => {
  const answer = {
    placements: null,
    total: null,
    rows: [
      { payer: 'WORKER' as const, placements: 40, suppressed: false, beforeDeparture: idr(1_000_000), inKorea: idr(0), total: idr(1_000_000) },
      { payer: 'CITY_SUBSIDY' as const, placements: null, suppressed: true, beforeDeparture: null, inKorea: null, total: null },
    ],
    disclosure: protectedView,
  };

  it('shows a withheld row and the total over it as suppressed, in both languages, and published figures exactly', () => {
    for (const lang of ['id', 'en'] as const) {
      const m = placementCostsPanel(lang, answer);
      expect(cellOf(m, 'CITY_SUBSIDY', 'placements')).toEqual({ value: null, raw: null, suppressed: true });
      expect(cellOf(m, 'CITY_SUBSIDY', 'total')).toEqual({ value: null, raw: null, suppressed: true });
      expect(cellOf(m, 'TOTAL', 'total').suppressed).toBe(true);
      expect(cellOf(m, 'TOTAL', 'placements').suppressed).toBe(true);
      expect(cellOf(m, 'WORKER', 'total')).toEqual({ value: 1_000_000, raw: '1000000', suppressed: false, currency: 'IDR' });
      expect(cellOf(m, 'WORKER', 'inKorea')).toEqual({ value: 0, raw: '0', suppressed: false, currency: 'IDR' });
      expect(m.notes[0]).toBe(t(lang, 'protectedView', { min: 5, date: '2026-11-30' }));
    }
  });

  it('in the exact view a missing figure is no figure (a dash), not a suppressed one', () => {
    const m = placementCostsPanel('en', { ...answer, rows: [answer.rows[0]!], disclosure: exactView });
    expect(cellOf(m, 'TOTAL', 'total')).toEqual({ value: null, raw: null, suppressed: false });
    expect(m.notes).toEqual([t('en', 'exactView')]);
  });
});

describe('trends', () => {
  const answer: TrendsInput = {
    buckets: [
      { label: '2026-09', start: '2026-09-01' },
      { label: '2026-10', start: '2026-10-01' },
    ],
    rows: [
      { series: 'REGISTRATIONS', stage: null, bucket: '2026-09', count: 12, suppressed: false },
      { series: 'REGISTRATIONS', stage: null, bucket: '2026-10', count: 0, suppressed: false },
      { series: 'STAGE_ENTRIES', stage: 'TRAINING', bucket: '2026-09', count: null, suppressed: true },
      { series: 'STAGE_ENTRIES', stage: 'TRAINING', bucket: '2026-10', count: 7, suppressed: false },
      { series: 'DEPARTURES', stage: null, bucket: '2026-09', count: 5, suppressed: false },
      { series: 'DEPARTURES', stage: null, bucket: '2026-10', count: null, suppressed: true },
    ],
    disclosure: protectedView,
  };

  it('one line per series over the months; a real 0 stays 0, a withheld month is suppressed', () => {
    const m = trendsPanel('id', answer);
    expect(m.categories.map((c) => c.label)).toEqual(['Sep 2026', 'Okt 2026']);
    expect(m.series.map((s) => s.key)).toEqual(['REGISTRATIONS', 'STAGE_ENTRIES:TRAINING', 'DEPARTURES']);
    expect(cellOf(m, '2026-10', 'REGISTRATIONS')).toEqual({ value: 0, raw: '0', suppressed: false });
    expect(cellOf(m, '2026-09', 'STAGE_ENTRIES:TRAINING')).toEqual({ value: null, raw: null, suppressed: true });
    expect(cellOf(m, '2026-10', 'DEPARTURES').suppressed).toBe(true);
    expect(cellOf(m, '2026-10', 'STAGE_ENTRIES:TRAINING').value).toBe(7);
  });
});

describe('funnel', () => {
  const row = (stage: string, reached: number | null, rate: string | null, median: string | null) => ({
    stage,
    reached,
    rateFromPrevious: rate,
    rateFromRegistration: null,
    medianDaysFromPrevious: median,
    p90DaysFromPrevious: median,
    suppressed: reached === null,
  });
  const answer: FunnelInput = {
    registeredFrom: '2026-01-01',
    registeredTo: '2026-03-31',
    rows: [row('REGISTERED', 120, null, null), row('SELECTED', 80, '0.6667', '14.50'), row('TRAINING', null, null, null), row('TESTING', 30, null, '20.00'), row('MEDICAL', 0, null, null)],
    exitTotals: [
      { exit: 'WITHDRAWN', count: 25, suppressed: false },
      { exit: 'REJECTED', count: null, suppressed: true },
    ],
    disclosure: protectedView,
  };

  it('a withheld stage, and the conversion into the stage after it, are suppressed; the first stage has no conversion', () => {
    const m = funnelPanel('en', answer);
    expect(cellOf(m, 'REGISTERED', 'rateFromPrevious')).toEqual({ value: null, raw: null, suppressed: false });
    expect(cellOf(m, 'REGISTERED', 'medianDaysFromPrevious')).toEqual({ value: null, raw: null, suppressed: false });
    // people reached TESTING but the conversion is not published (TRAINING is withheld): suppressed, not a dash
    expect(cellOf(m, 'TESTING', 'p90DaysFromPrevious')).toEqual({ value: 20, raw: '20.00', suppressed: false });
    expect(cellOf(m, 'SELECTED', 'rateFromPrevious')).toEqual({ value: 66.67, raw: '0.6667', suppressed: false });
    expect(cellOf(m, 'TRAINING', 'reached').suppressed).toBe(true);
    expect(cellOf(m, 'TESTING', 'rateFromPrevious').suppressed).toBe(true);
    expect(cellOf(m, 'TESTING', 'reached')).toEqual({ value: 30, raw: '30', suppressed: false });
    expect(cellOf(m, 'SELECTED', 'medianDaysFromPrevious')).toEqual({ value: 14.5, raw: '14.50', suppressed: false });
    // nobody reached MEDICAL: no days, and that is not a suppression
    expect(cellOf(m, 'MEDICAL', 'medianDaysFromPrevious').suppressed).toBe(false);
    expect(cellOf(m, 'MEDICAL', 'reached')).toEqual({ value: 0, raw: '0', suppressed: false });
    expect(cellOf(m, 'EXIT:REJECTED', 'reached').suppressed).toBe(true);
    expect(cellOf(m, 'EXIT:WITHDRAWN', 'reached').value).toBe(25);
    expect(m.categories.filter((c) => c.tableOnly).map((c) => c.label)).toEqual(['Withdrawn', 'Rejected']);
    expect(m.notes[0]).toBe('Cohort: registered 2026-01-01 to 2026-03-31');
  });
});

describe('cost per placement', () => {
  const answer: CostPerPlacementInput = {
    asOf: '2026-11-30',
    rows: [
      { occupation: 'WELDER', route: null, kecamatan: null, payer: null, placements: 50, average: idr(7_500_000), total: idr(375_000_000), suppressed: false },
      // a row with one figure withheld: the figures that were published are still shown
      { occupation: 'SHIP_PAINTER', route: null, kecamatan: null, payer: null, placements: 12, average: null, total: null, suppressed: true },
    ],
    placements: 62,
    average: null,
    total: null,
    disclosure: protectedView,
  };

  it('by occupation: the average per group, a withheld figure suppressed and a published one kept', () => {
    const m = costPerPlacementPanel('id', 'OCCUPATION', answer);
    expect(m.categories.map((c) => c.label)).toEqual(['Juru las', 'Pengecat kapal', 'Jumlah']);
    expect(cellOf(m, 'WELDER', 'average')).toEqual({ value: 7_500_000, raw: '7500000', suppressed: false, currency: 'IDR' });
    expect(cellOf(m, 'SHIP_PAINTER', 'placements')).toEqual({ value: 12, raw: '12', suppressed: false });
    expect(cellOf(m, 'SHIP_PAINTER', 'average').suppressed).toBe(true);
    expect(cellOf(m, 'TOTAL', 'total').suppressed).toBe(true);
    expect(cellOf(m, 'TOTAL', 'placements').value).toBe(62);
    expect(m.control).toMatchObject({ key: 'by', value: 'OCCUPATION' });
    expect(m.control?.options.map((o) => o.value)).toEqual(['OCCUPATION', 'ROUTE', 'KECAMATAN', 'PAYER']);
  });

  it('by kecamatan: a candidate without a recognised kecamatan is its own row', () => {
    const m = costPerPlacementPanel('en', 'KECAMATAN', {
      ...answer,
      rows: [
        { ...answer.rows[0]!, occupation: null, kecamatan: 'CURUG' },
        { ...answer.rows[0]!, occupation: null, kecamatan: null },
      ],
    });
    expect(m.categories.map((c) => [c.key, c.label])).toEqual([
      ['CURUG', 'Curug'],
      ['(none)', 'Not recorded'],
      ['TOTAL', 'Total'],
    ]);
  });
});

describe('for any answer, no withheld figure is ever shown as a number', () => {
  const count = fc.option(fc.nat({ max: 10_000 }), { nil: null });
  const trendRow = fc.record({ count, suppressed: fc.boolean() }).map((r) => (r.suppressed ? { ...r, count: null } : r));
  it('trends', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(trendRow, trendRow, trendRow), { minLength: 1, maxLength: 24 }), fc.boolean(), (months, isProtected) => {
        const labels = months.map((_, i) => `20${String(10 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}`);
        const series = [
          ['REGISTRATIONS', null],
          ['STAGE_ENTRIES', 'TRAINING'],
          ['DEPARTURES', null],
        ] as const;
        const input: TrendsInput = {
          buckets: labels.map((label) => ({ label, start: `${label}-01` })),
          rows: months.flatMap((cells, i) => cells.map((c, k) => ({ series: series[k]![0], stage: series[k]![1], bucket: labels[i]!, ...c }))),
          disclosure: isProtected ? protectedView : exactView,
        };
        const m = trendsPanel('id', input);
        months.forEach((cells, i) =>
          cells.forEach((c, k) => {
            const cell = m.series[k]!.cells[i]!;
            if (c.suppressed) expect(cell).toEqual({ value: null, raw: null, suppressed: true });
            else if (c.count === null) expect(cell).toEqual({ value: null, raw: null, suppressed: isProtected });
            else expect(cell).toEqual({ value: c.count, raw: String(c.count), suppressed: false });
          }),
        );
      }),
    );
  });
});

describe('limitedFetch: the page keeps its requests under the gateway’s in-flight limit', () => {
  type Init = Parameters<FetchLike>[1];
  const init: Init = { method: 'POST', headers: {}, body: '{}', signal: new AbortController().signal };

  it('never has more than `max` in flight, answers every request with its own body, and frees the slot of a failure', async () => {
    let inFlight = 0;
    let most = 0;
    const pending: Array<() => void> = [];
    const inner: FetchLike = async (url) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => pending.push(resolve));
      inFlight--;
      if (url === 'fail') throw new TypeError('Failed to fetch');
      return { status: 200, text: async () => `body of ${url}` };
    };
    const limited = limitedFetch(3, inner);
    const urls = ['a', 'fail', 'b', 'c', 'd', 'e', 'f', 'g'];
    const answers = urls.map((u) => limited(u, init).then((r) => r.text(), (e: Error) => `error ${e.name}`));
    // release the requests one by one, as the gateway answers them
    while (pending.length > 0 || inFlight > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      pending.shift()?.();
    }
    expect(await Promise.all(answers)).toEqual(urls.map((u) => (u === 'fail' ? 'error TypeError' : `body of ${u}`)));
    expect(most).toBe(3);
  });

  it('refuses a limit below 1', () => {
    expect(() => limitedFetch(0)).toThrow('max');
  });
});
