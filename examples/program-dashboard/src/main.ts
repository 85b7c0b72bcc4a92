/**
 * The program dashboard: a static page on `@jembatan/sdk` in the browser. It asks for an ANALYST key
 * (kept in this tab's sessionStorage only), reads the aggregates from the gateway (same origin by
 * default, or `?gateway=<url>`), and draws quota fill, the funnel, monthly trends and cost per
 * placement as charts with their figures as tables, in Bahasa Indonesia (default) or English
 * (`?lang=en`, or the switch). Built by build.mjs into one script; nothing is loaded from a CDN.
 */
import { createClient, isJembatanError, type JembatanClient } from '@jembatan/sdk';
import { langOf, MESSAGES, t, type Lang, type MessageKey } from './i18n';
import type { PanelId } from './model';
import { limitedFetch, MAX_IN_FLIGHT } from './limit';
import { todayWib } from './period';
import { PANELS, type PanelBuilder } from './sources';
import { renderPanel, renderProblem } from './render';

const KEY_STORAGE = 'jembatan.dashboard.apiKey';
const LANG_STORAGE = 'jembatan.dashboard.lang';

type PanelState =
  | { readonly status: 'ready'; readonly build: PanelBuilder }
  | { readonly status: 'error' | 'unavailable'; readonly message: (lang: Lang) => string };

interface State {
  lang: Lang;
  panels: Map<PanelId, PanelState>;
  choices: Record<string, string>;
}

const params = new URLSearchParams(location.search);
const state: State = {
  lang: langOf(params.get('lang')) ?? langOf(sessionStorage.getItem(LANG_STORAGE)) ?? 'id',
  panels: new Map(),
  choices: {},
};

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html has no #${id}`);
  return node as T;
}

/**
 * The day the page's period ends before: `?asOf=YYYY-MM-DD` (e.g. the demo data's own date), else
 * today in WIB (whichever is earlier). Trends and the funnel cover the 12 whole months before its month.
 */
export function pageDate(): string {
  const asked = params.get('asOf');
  const today = todayWib();
  // a later date than today would ask for months that are not over (the protected view refuses them)
  return asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked < today ? asked : today;
}

/** The gateway: `?gateway=<url>`, else /graphql on this page's own origin. */
export function defaultGatewayUrl(): string {
  return params.get('gateway') ?? new URL('/graphql', location.href).href;
}

/** The status line, kept as a function of the language so that the switch translates it too. */
let statusText: ((lang: Lang) => string) | undefined;

function setStatus(text: (lang: Lang) => string, kind: 'info' | 'error' = 'info'): void {
  statusText = text;
  const status = byId('status');
  status.textContent = text(state.lang);
  status.dataset.kind = kind;
}

/** An SDK error as a person reads it: code, the message in the page's language, the request id. */
export function describeError(lang: Lang, e: unknown): string {
  if (isJembatanError(e)) {
    const id = e.requestId ? ` (${t(lang, 'requestId')} ${e.requestId})` : '';
    return `[${e.code}] ${e.messages[lang]}${id}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** A field the gateway's schema does not have yet (an older gateway): the panel says "not available". */
function isMissingField(e: unknown): boolean {
  return isJembatanError(e) && e.code === 'GRAPHQL_VALIDATION_FAILED';
}

function onControl(key: string, value: string): void {
  state.choices[key] = value;
  renderAll();
}

function renderAll(): void {
  for (const spec of PANELS) {
    const section = document.querySelector<HTMLElement>(`section[data-panel="${spec.id}"]`);
    const panel = state.panels.get(spec.id);
    if (!section || !panel) continue;
    if (panel.status === 'ready') renderPanel(section, panel.build(state.lang, state.choices), onControl);
    else renderProblem(section, state.lang, t(state.lang, spec.title), panel.status, panel.message(state.lang));
  }
}

function applyLanguage(lang: Lang): void {
  state.lang = lang;
  sessionStorage.setItem(LANG_STORAGE, lang);
  document.documentElement.lang = lang;
  document.title = t(lang, 'title');
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    const key = node.dataset.i18n;
    if (key && key in MESSAGES) node.textContent = t(lang, key as MessageKey);
  });
  document.querySelectorAll<HTMLButtonElement>('button[data-lang]').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  });
  if (statusText) byId('status').textContent = statusText(lang);
  renderAll();
}

/** Counts the loads: the answers of an earlier one that finishes late are dropped. */
let loads = 0;

async function load(client: JembatanClient): Promise<void> {
  const mine = ++loads;
  document.body.dataset.state = 'loading';
  setStatus((lang) => t(lang, 'loading'));
  const results = await Promise.allSettled(PANELS.map((spec) => spec.load(client, pageDate())));
  if (mine !== loads) return;
  let failed = 0;
  results.forEach((r, i) => {
    const spec = PANELS[i]!;
    if (r.status === 'fulfilled') {
      state.panels.set(spec.id, { status: 'ready', build: r.value });
      return;
    }
    if (isMissingField(r.reason)) {
      state.panels.set(spec.id, { status: 'unavailable', message: (lang) => t(lang, 'unavailable') });
      return;
    }
    failed++;
    state.panels.set(spec.id, { status: 'error', message: (lang) => `${t(lang, 'failed')}: ${describeError(lang, r.reason)}` });
  });
  renderAll();
  const firstError = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !isMissingField(r.reason));
  const at = new Date();
  if (firstError) setStatus((lang) => `${t(lang, 'failed')}: ${describeError(lang, firstError.reason)}`, 'error');
  else setStatus((lang) => t(lang, 'loaded', { time: at.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'id-ID') }));
  document.body.dataset.state = failed > 0 ? 'error' : 'ready';
}

function connect(gateway: string, apiKey: string): void {
  const client = createClient({ url: gateway, apiKey, retries: 2, timeoutMs: 60_000, fetch: limitedFetch(MAX_IN_FLIGHT) });
  void load(client);
}

function start(): void {
  const form = byId<HTMLFormElement>('connect');
  const keyInput = byId<HTMLInputElement>('api-key');
  const gatewayInput = byId<HTMLInputElement>('gateway-url');
  gatewayInput.value = defaultGatewayUrl();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = keyInput.value.trim() || sessionStorage.getItem(KEY_STORAGE) || '';
    if (!key) {
      setStatus((lang) => t(lang, 'needKey'), 'error');
      keyInput.focus();
      return;
    }
    sessionStorage.setItem(KEY_STORAGE, key);
    keyInput.value = '';
    connect(gatewayInput.value.trim() || defaultGatewayUrl(), key);
  });
  byId<HTMLButtonElement>('forget').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORAGE);
    keyInput.value = '';
    setStatus((lang) => t(lang, 'forgotten'));
  });
  document.querySelectorAll<HTMLButtonElement>('button[data-lang]').forEach((button) => {
    button.addEventListener('click', () => applyLanguage(langOf(button.dataset.lang) ?? 'id'));
  });
  applyLanguage(state.lang);
  const saved = sessionStorage.getItem(KEY_STORAGE);
  if (saved) connect(gatewayInput.value, saved);
}

start();
