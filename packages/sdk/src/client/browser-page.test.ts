import { browserPage, isFetchTypeError, mayBeCorsRefusal } from './browser-page';
import { createClient, type FetchLike } from './create-client';
import { transportMessages } from '../errors/error-messages';
import { failure } from '../__tests__/failure';
import { ParametersDocument } from '../__tests__/documents';

const PAGE = { window: {}, document: {}, location: { origin: 'http://localhost:5173', href: 'http://localhost:5173/app' } };

describe('browserPage', () => {
  it('is the page of a scope with window and document', () => {
    expect(browserPage(PAGE)).toEqual({ origin: 'http://localhost:5173', href: 'http://localhost:5173/app' });
    expect(browserPage({ window: {}, document: {} })).toEqual({});
    expect(browserPage({ window: {}, document: {}, location: { origin: 'null', href: 'file:///x.html' } })).toEqual({ href: 'file:///x.html' });
  });
  it('is undefined in Node, Deno without a DOM and workers', () => {
    expect(browserPage(globalThis)).toBeUndefined(); // jest's node environment
    expect(browserPage({})).toBeUndefined();
    expect(browserPage({ window: {} })).toBeUndefined();
    expect(browserPage({ document: {}, location: PAGE.location })).toBeUndefined();
    expect(browserPage(null)).toBeUndefined();
  });
  it('survives a location that throws', () => {
    const scope = { window: {}, document: {} };
    Object.defineProperty(scope, 'location', { get: () => { throw new Error('denied'); } });
    expect(browserPage(scope)).toEqual({});
  });
});

describe('mayBeCorsRefusal', () => {
  const page = browserPage(PAGE);
  it('is true for a TypeError in a page calling another origin', () => {
    expect(mayBeCorsRefusal(page, 'http://localhost:4000/graphql', new TypeError('Failed to fetch'))).toBe(true);
    expect(mayBeCorsRefusal({}, '/graphql', new TypeError('Load failed'))).toBe(true); // origin unknown
  });
  it('is false outside a page, for other errors, and for the page’s own origin', () => {
    expect(mayBeCorsRefusal(undefined, 'http://localhost:4000/graphql', new TypeError('fetch failed'))).toBe(false);
    expect(mayBeCorsRefusal(page, 'http://localhost:4000/graphql', new Error('boom'))).toBe(false);
    expect(mayBeCorsRefusal(page, 'http://localhost:5173/graphql', new TypeError('Failed to fetch'))).toBe(false);
    expect(mayBeCorsRefusal(page, '/graphql', new TypeError('Failed to fetch'))).toBe(false); // relative: same origin
  });
  it('recognises a TypeError from another realm by name', () => {
    const foreign = Object.assign(new Error('NetworkError when attempting to fetch resource.'), { name: 'TypeError' });
    expect(isFetchTypeError(foreign)).toBe(true);
    expect(isFetchTypeError('TypeError')).toBe(false);
  });
});

describe('the NETWORK_ERROR message', () => {
  it('names CORS and JEMBATAN_CORS_ORIGINS in both languages when it may be CORS', () => {
    const m = transportMessages.network('http://localhost:4000/graphql', new TypeError('Failed to fetch'), { pageOrigin: 'http://localhost:5173' });
    for (const text of [m.id, m.en]) {
      expect(text).toContain('CORS');
      expect(text).toContain('JEMBATAN_CORS_ORIGINS');
      expect(text).toContain('http://localhost:5173');
      expect(text).toContain('http://localhost:4000/graphql');
    }
    expect(m.id).toMatch(/tidak diizinkan/);
    expect(m.en).toMatch(/not allowed/);
    expect(m.id).not.toBe(m.en);
    const unknownOrigin = transportMessages.network('https://gw.example/graphql', new TypeError('Load failed'), {});
    expect(unknownOrigin.en).toContain("this page's origin is not allowed");
    expect(unknownOrigin.id).toContain('origin halaman ini tidak diizinkan');
  });
  it('does not mention CORS otherwise', () => {
    const m = transportMessages.network('http://localhost:4000/graphql', new TypeError('fetch failed'));
    expect(`${m.id} ${m.en}`).not.toMatch(/CORS/);
  });
});

describe('the client in a browser page', () => {
  const keys = ['window', 'document', 'location'] as const;
  const g = globalThis as Record<string, unknown>;
  let saved: Array<PropertyDescriptor | undefined> = [];
  const enterPage = (): void => {
    saved = keys.map((k) => Object.getOwnPropertyDescriptor(globalThis, k));
    for (const k of keys) Object.defineProperty(globalThis, k, { value: PAGE[k], configurable: true, writable: true });
  };
  const leavePage = (): void => {
    keys.forEach((k, i) => {
      const d = saved[i];
      if (d) Object.defineProperty(globalThis, k, d);
      else delete g[k];
    });
    saved = [];
  };
  afterEach(leavePage);
  // what a browser's fetch does when CORS refuses the answer (or the preflight)
  const refusedByCors = (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as FetchLike;

  it('reports a TypeError from fetch as NETWORK_ERROR naming CORS and the page origin', async () => {
    enterPage();
    const e = await failure(() => createClient({ url: 'http://localhost:4000/graphql', fetch: refusedByCors, retries: 0 }).request(ParametersDocument));
    expect(e.code).toBe('NETWORK_ERROR');
    expect(e.messages.en).toContain("this page's origin (http://localhost:5173) is not allowed by the gateway's CORS settings");
    expect(e.messages.en).toContain('JEMBATAN_CORS_ORIGINS');
    expect(e.messages.id).toContain('JEMBATAN_CORS_ORIGINS');
    expect(e.message).toContain('JEMBATAN_CORS_ORIGINS');
  });

  it('does not blame CORS for a same-origin gateway, nor outside a browser', async () => {
    enterPage();
    const same = await failure(() => createClient({ url: '/graphql', fetch: refusedByCors, retries: 0 }).request(ParametersDocument));
    expect(same.code).toBe('NETWORK_ERROR');
    expect(same.messages.en).not.toMatch(/CORS/);
    leavePage();
    const node = await failure(() => createClient({ url: 'http://localhost:4000/graphql', fetch: refusedByCors, retries: 0 }).request(ParametersDocument));
    expect(node.code).toBe('NETWORK_ERROR');
    expect(node.messages.en).not.toMatch(/CORS/);
  });
});
