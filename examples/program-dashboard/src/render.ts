/**
 * Draws a panel (model.ts): a Chart.js chart on a canvas and, next to it, the same figures as an
 * accessible table whose cells carry `data-series`, `data-category`, `data-value` (exactly as the
 * gateway sent it; money in minor units) and `data-suppressed`, so a reader with a screen reader, a
 * spreadsheet user and the end-to-end test all read the numbers the chart shows.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import { t, type Lang } from './i18n';
import { categorySuppressed, type Cell, type PanelControl, type PanelModel, type Series, type Unit } from './model';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const PALETTE = ['#1f6feb', '#f0883e', '#2da44e', '#bf3989', '#8250df', '#d29922', '#57606a', '#0a7ea4'];

const LOCALE: Readonly<Record<Lang, string>> = { id: 'id-ID', en: 'en-GB' };

/** A figure for people: money in its currency, a percentage, days, a count; suppressed as the word. */
export function formatCell(lang: Lang, unit: Unit, cell: Cell): string {
  if (cell.suppressed) return t(lang, 'suppressed');
  if (cell.value === null) return '—';
  const locale = LOCALE[lang];
  switch (unit) {
    case 'money':
      return new Intl.NumberFormat(locale, { style: 'currency', currency: cell.currency ?? 'IDR', maximumFractionDigits: 0 }).format(cell.value);
    case 'percent':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(cell.value)}%`;
    case 'days':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(cell.value);
    case 'count':
      return new Intl.NumberFormat(locale).format(cell.value);
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The table of a panel: one row per category, one column per series. */
export function figureTable(model: PanelModel): HTMLTableElement {
  const table = el('table', { class: 'figures', 'data-figures': model.id });
  table.append(el('caption', {}, `${t(model.lang, 'dataTable')}: ${model.title}`));
  const head = el('tr');
  head.append(el('th', { scope: 'col' }, t(model.lang, 'category')));
  for (const s of model.series) head.append(el('th', { scope: 'col', 'data-series': s.key }, s.label));
  table.appendChild(el('thead')).append(head);
  const body = table.appendChild(el('tbody'));
  model.categories.forEach((c, i) => {
    const row = body.appendChild(el('tr', { 'data-category': c.key, ...(c.tableOnly ? { class: 'total' } : {}) }));
    row.append(el('th', { scope: 'row' }, c.label));
    for (const s of model.series) {
      const cell = s.cells[i] ?? { value: null, raw: null, suppressed: false };
      row.append(
        el(
          'td',
          {
            'data-series': s.key,
            'data-category': c.key,
            'data-value': cell.raw ?? '',
            'data-suppressed': String(cell.suppressed),
            ...(cell.currency ? { 'data-currency': cell.currency } : {}),
            ...(cell.suppressed ? { class: 'suppressed' } : {}),
          },
          formatCell(model.lang, s.unit, cell),
        ),
      );
    }
  });
  return table;
}

function datasetOf(model: PanelModel, s: Series, index: number, charted: readonly number[]): ChartDataset<'bar' | 'line', (number | null)[]> {
  const color = PALETTE[index % PALETTE.length] as string;
  const data = charted.map((i) => s.cells[i]?.value ?? null);
  const base = { label: s.label, data, backgroundColor: color, borderColor: color };
  if (model.kind === 'line') return { ...base, type: 'line', spanGaps: false, pointRadius: 3, borderWidth: 2, fill: false };
  return { ...base, type: 'bar', ...(s.stack ? { stack: s.stack } : {}) };
}

/** A value axis tick: money and counts in compact form ("Rp 8,7 M", "1,2 rb"), percentages with %. */
function axisTick(lang: Lang, unit: Unit, v: number): string {
  const locale = LOCALE[lang];
  if (unit === 'percent') return `${v}%`;
  if (unit === 'money') return new Intl.NumberFormat(locale, { style: 'currency', currency: 'IDR', notation: 'compact', maximumFractionDigits: 1 }).format(v);
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

/** The Chart.js configuration of a panel (no animation: the chart is complete when drawn). */
export function chartConfig(model: PanelModel): ChartConfiguration<'bar' | 'line', (number | null)[], string | string[]> {
  const charted = model.categories.flatMap((c, i) => (c.tableOnly ? [] : [i]));
  const labels = charted.map((i): string | string[] => {
    const c = model.categories[i]!;
    const label = c.chartLabel ? [...c.chartLabel] : c.label;
    if (!categorySuppressed(model, i)) return label;
    const mark = `(${t(model.lang, 'suppressed')})`;
    return Array.isArray(label) ? [...label, mark] : `${label} ${mark}`;
  });
  const series = model.series.filter((s) => s.chart);
  const horizontal = model.kind === 'hbar';
  const unit = series[0]?.unit ?? 'count';
  const ticks = { callback: (v: string | number) => axisTick(model.lang, unit, Number(v)), ...(unit === 'count' ? { precision: 0 } : {}) };
  const valueAxis = { beginAtZero: true, stacked: model.stacked, ticks };
  const byName = new Map(series.map((s) => [s.label, s]));
  return {
    type: model.kind === 'line' ? 'line' : 'bar',
    data: { labels, datasets: series.map((s, i) => datasetOf(model, s, i, charted)) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal
        ? { x: valueAxis, y: { stacked: model.stacked } }
        : { x: { stacked: model.stacked }, y: valueAxis },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) => {
              const s = byName.get(item.dataset.label ?? '');
              const cell = s?.cells[charted[item.dataIndex] ?? -1];
              return `${item.dataset.label ?? ''}: ${s && cell ? formatCell(model.lang, s.unit, cell) : String(item.raw)}`;
            },
          },
        },
      },
    },
  };
}

const charts = new Map<string, Chart>();

/** A labelled select for a panel's choice; a change calls `onControl(key, value)`. */
function controlOf(control: PanelControl, onControl: (key: string, value: string) => void): HTMLElement {
  const label = el('label', { class: 'control' });
  label.append(el('span', {}, control.label));
  const select = label.appendChild(el('select', { 'data-control': control.key }));
  for (const o of control.options) {
    const option = select.appendChild(el('option', { value: o.value }, o.label));
    option.selected = o.value === control.value;
  }
  select.addEventListener('change', () => onControl(control.key, select.value));
  return label;
}

/** Draws `model` into its section (replacing what was there), chart first, then the table. */
export function renderPanel(section: HTMLElement, model: PanelModel, onControl: (key: string, value: string) => void = () => undefined): void {
  charts.get(model.id)?.destroy();
  charts.delete(model.id);
  section.replaceChildren();
  section.dataset.state = 'ready';
  section.append(el('h2', {}, model.title), el('p', { class: 'description' }, model.description));
  if (model.control) section.append(controlOf(model.control, onControl));
  for (const note of model.notes) section.append(el('p', { class: 'note' }, note));
  const hasBars = model.categories.some((c) => !c.tableOnly);
  if (!hasBars) {
    section.dataset.state = 'empty';
    section.append(el('p', { class: 'empty' }, t(model.lang, 'noData')));
  } else {
    const box = section.appendChild(el('div', { class: 'chart-box' }));
    const canvas = box.appendChild(el('canvas', { role: 'img', 'aria-label': model.title, 'data-chart': model.id }));
    const bars = model.categories.filter((c) => !c.tableOnly).length;
    if (model.kind === 'hbar') box.style.height = `${Math.max(220, 60 + bars * 34)}px`;
    charts.set(model.id, new Chart(canvas, chartConfig(model)));
  }
  section.appendChild(el('div', { class: 'table-box' })).append(figureTable(model));
}

/** A panel that could not be drawn: its title and why (an SDK error, or an aggregate this gateway lacks). */
export function renderProblem(section: HTMLElement, lang: Lang, title: string, state: 'error' | 'unavailable', message: string): void {
  charts.get(section.dataset.panel ?? '')?.destroy();
  charts.delete(section.dataset.panel ?? '');
  section.replaceChildren(el('h2', {}, title), el('p', { class: state, role: state === 'error' ? 'alert' : 'status' }, message));
  section.dataset.state = state;
  section.lang = lang;
}
