import { paginate, type ConnectionLike } from './paginate';
import { createClient } from '../client/create-client';
import { isJembatanError, type AnyJembatanError } from '../errors/jembatan-error';
import { json, startFakeGateway, type Behaviour, type FakeGateway } from '../__tests__/fake-gateway';
import { OpeningsDocument, type OpeningNode } from '../__tests__/documents';

let gw: FakeGateway;
beforeAll(async () => {
  gw = await startFakeGateway();
});
afterAll(() => gw.close());

/** A gateway holding `total` openings, served `first` at a time with opaque cursors. */
function openingsServer(total: number): Behaviour {
  const all = Array.from({ length: total }, (_, i) => ({ id: `o-${i + 1}`, title: `Opening ${i + 1}` }));
  const cursor = (i: number) => Buffer.from(`offset:${i}`).toString('base64');
  const offset = (c: unknown) => (typeof c === 'string' ? Number(Buffer.from(c, 'base64').toString().split(':')[1]) + 1 : 0);
  return {
    kind: 'fn',
    handle: (req) => {
      const first = Number(req.body.variables?.first);
      const start = offset(req.body.variables?.after);
      const slice = all.slice(start, start + first);
      return json({
        data: {
          openings: {
            edges: slice.map((node, k) => ({ cursor: cursor(start + k), node })),
            pageInfo: { hasNextPage: start + first < total, endCursor: slice.length ? cursor(start + slice.length - 1) : null },
          },
        },
      });
    },
  };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function failure(fn: () => Promise<unknown>): Promise<AnyJembatanError> {
  try {
    await fn();
  } catch (e) {
    if (isJembatanError(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const page = <T>(nodes: T[], hasNextPage: boolean, endCursor: string | null): ConnectionLike<T> => ({
  edges: nodes.map((node) => ({ node })),
  pageInfo: { hasNextPage, endCursor },
});

describe('paginate against the gateway', () => {
  it('walks 3 pages and yields every node in order', async () => {
    gw.script(openingsServer(7));
    const client = createClient({ url: gw.url });
    const nodes = await collect(
      paginate((after) => client.request(OpeningsDocument, { first: 3, after }).then((d) => d.openings)),
    );
    expect(nodes.map((n: OpeningNode) => n.id)).toEqual(['o-1', 'o-2', 'o-3', 'o-4', 'o-5', 'o-6', 'o-7']);
    expect(gw.requests).toHaveLength(3);
    expect(gw.requests.map((r) => r.body.variables?.after ?? null)).toEqual([
      null,
      Buffer.from('offset:2').toString('base64'),
      Buffer.from('offset:5').toString('base64'),
    ]);
  });

  it('fetches no further page once the loop breaks', async () => {
    gw.script(openingsServer(9));
    const client = createClient({ url: gw.url });
    const seen: string[] = [];
    for await (const o of paginate((after) => client.request(OpeningsDocument, { first: 3, after }).then((d) => d.openings))) {
      seen.push(o.id);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['o-1', 'o-2']);
    expect(gw.requests).toHaveLength(1);
  });

  it('passes a request error through unchanged', async () => {
    gw.script(json({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }));
    const client = createClient({ url: gw.url });
    const e = await failure(() =>
      collect(paginate((after) => client.request(OpeningsDocument, { first: 3, after }).then((d) => d.openings))),
    );
    expect(e.code).toBe('FORBIDDEN');
  });
});

describe('paginate on its own', () => {
  it('yields nothing for an empty connection and stops on a null connection', async () => {
    expect(await collect(paginate(async () => page([], false, null)))).toEqual([]);
    expect(await collect(paginate(async () => null))).toEqual([]);
  });

  it('skips null edges and null nodes', async () => {
    const conn = { edges: [null, { node: null }, { node: 1 }, {}, { node: 2 }], pageInfo: { hasNextPage: false } };
    expect(await collect(paginate(async () => conn))).toEqual([1, 2]);
  });

  it('refuses a next page without a cursor instead of looping', async () => {
    const e = await failure(() => collect(paginate(async () => page([1], true, null))));
    expect(e.code).toBe('INVALID_RESPONSE');
    expect(e.messages.en).toContain('endCursor is missing');
  });

  it('refuses a cursor that repeats instead of looping', async () => {
    let calls = 0;
    const e = await failure(() =>
      collect(
        paginate(async (after) => {
          calls += 1;
          return page([calls], true, after === null ? 'a' : 'a');
        }),
      ),
    );
    expect(e.code).toBe('INVALID_RESPONSE');
    expect(calls).toBe(2);
  });

  it.each<[string, unknown]>([
    ['no pageInfo', { edges: [] }],
    ['hasNextPage not a boolean', { edges: [], pageInfo: { hasNextPage: 'yes' } }],
    ['edges not an array', { edges: {}, pageInfo: { hasNextPage: false } }],
    ['a number', 5],
  ])('reports a page with %s as INVALID_RESPONSE', async (_label, conn) => {
    const e = await failure(() => collect(paginate(async () => conn as ConnectionLike<unknown>)));
    expect(e.code).toBe('INVALID_RESPONSE');
  });

  it('stops after maxPages', async () => {
    let n = 0;
    const nodes = await collect(
      paginate(
        async () => {
          n += 1;
          return page([n], true, `c${n}`);
        },
        { maxPages: 4 },
      ),
    );
    expect(nodes).toEqual([1, 2, 3, 4]);
    expect(n).toBe(4);
  });

  it('refuses maxPages below 1', async () => {
    const e = await failure(() => collect(paginate(async () => page([1], false, null), { maxPages: 0 })));
    expect(e.code).toBe('INVALID_REQUEST');
  });

  it('stops with ABORTED before fetching the next page once the signal aborts', async () => {
    const controller = new AbortController();
    let n = 0;
    const seen: number[] = [];
    const e = await failure(async () => {
      for await (const x of paginate(
        async () => {
          n += 1;
          return page([n, n + 100], true, `c${n}`);
        },
        { signal: controller.signal },
      )) {
        seen.push(x);
        if (x === 101) controller.abort();
      }
    });
    expect(e.code).toBe('ABORTED');
    expect(seen).toEqual([1, 101]);
    expect(n).toBe(1);
  });
});
