import { ApolloServer } from '@apollo/server';
import { queryTimeoutPlugin, statementTimeoutSql, withTimeout } from './query-timeout';
import { QueryTimeoutError } from './security-error';

const typeDefs = `#graphql
  type Item { id: ID!, name: String! }
  type Query { items: [Item!]!, slow: String }
`;

describe('queryTimeoutPlugin', () => {
  it('keeps one TIMEOUT error when many fields timed out (a list whose every item gave up)', async () => {
    const server = new ApolloServer({
      typeDefs,
      resolvers: {
        Query: { items: () => Array.from({ length: 100 }, (_, i) => ({ id: String(i) })) },
        Item: {
          name: () => {
            throw new QueryTimeoutError(20);
          },
        },
      },
      plugins: [queryTimeoutPlugin({ timeoutMs: 60_000 })],
    });
    await server.start();
    try {
      const res = await server.executeOperation({ query: '{ items { id name } }' });
      const errors = res.body.kind === 'single' ? res.body.singleResult.errors : undefined;
      expect(errors?.filter((e) => e.extensions?.code === 'TIMEOUT')).toHaveLength(1);
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
