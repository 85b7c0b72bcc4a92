import { ApolloServer } from '@apollo/server';
import { queryTimeoutPlugin, statementTimeoutSql, withTimeout } from './query-timeout';

const typeDefs = `#graphql
  type Item { id: ID!, name: String! }
  type Query { items: [Item!]!, slow: String }
`;

describe('queryTimeoutPlugin', () => {
  it('stops resolving fields once the request is over its time, with a single TIMEOUT error', async () => {
    let t = 0;
    const server = new ApolloServer({
      typeDefs,
      resolvers: {
        Query: {
          items: () => {
            t += 50; // the list took 50 ms to load
            return Array.from({ length: 100 }, (_, i) => ({ id: String(i), name: `n${i}` }));
          },
        },
      },
      plugins: [queryTimeoutPlugin({ timeoutMs: 20, now: () => t })],
    });
    await server.start();
    try {
      const res = await server.executeOperation({ query: '{ items { id name } }' });
      const body = res.body.kind === 'single' ? res.body.singleResult : undefined;
      expect(body?.data).toBeNull();
      expect(body?.errors).toHaveLength(1);
      expect(body?.errors?.[0]?.extensions).toMatchObject({ code: 'TIMEOUT', details: { timeoutMs: 20 } });
      t = 0;
      const fast = await server.executeOperation({ query: '{ slow }' });
      expect(fast.body.kind === 'single' && fast.body.singleResult.errors).toBeFalsy();
    } finally {
      await server.stop();
    }
  });

  it('refuses a nonsense limit', () => {
    expect(() => queryTimeoutPlugin({ timeoutMs: 0 })).toThrow(RangeError);
  });
});

describe('withTimeout', () => {
  it('passes a fast result through', async () => {
    await expect(withTimeout(Promise.resolve(42), 100)).resolves.toBe(42);
  });
  it('rejects with TIMEOUT when the promise is too slow', async () => {
    const never = new Promise<number>(() => undefined);
    await expect(withTimeout(never, 10)).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
  });
  it('keeps the original rejection', async () => {
    await expect(withTimeout(Promise.reject(new Error('boom')), 100)).rejects.toThrow('boom');
  });
});

describe('statementTimeoutSql', () => {
  it('builds the SET LOCAL statement from a checked integer', () => {
    expect(statementTimeoutSql(5000)).toBe('set local statement_timeout = 5000');
    expect(() => statementTimeoutSql(1.5)).toThrow(RangeError);
  });
});
