/** The gateway's answer during a database outage: HTTP 503, `extensions.code` SERVICE_UNAVAILABLE, Retry-After. */
import { createClient } from './create-client';
import { failure } from '../__tests__/failure';
import { json, startFakeGateway, type FakeGateway } from '../__tests__/fake-gateway';
import { CandidateDocument, RegisterCandidateDocument } from '../__tests__/documents';

let gw: FakeGateway;
beforeAll(async () => {
  gw = await startFakeGateway();
});
afterAll(() => gw.close());

// the SDK waits what Retry-After asks, up to maxDelayMs (default 5 s, the gateway's default Retry-After)
const client = () => createClient({ url: gw.url, retries: { retries: 2, baseDelayMs: 1, maxDelayMs: 1_000 }, timeoutMs: 5_000 });
const outage = (retryAfterSeconds: number) => json(
  {
    errors: [
      {
        message: 'The service is temporarily unavailable (the database is recovering).',
        extensions: { code: 'SERVICE_UNAVAILABLE', messages: { id: 'Layanan sementara tidak tersedia.', en: 'The service is temporarily unavailable.' }, details: { reason: 'CONNECTION_REFUSED' } },
      },
    ],
  },
  503,
  { 'retry-after': String(retryAfterSeconds) },
);


it('a query is retried through a short outage', async () => {
  const data = { data: { candidate: { id: 'c-1', fullName: 'Siti' } } };
  gw.script(outage(1), json(data));
  await expect(client().request(CandidateDocument, { id: 'c-1' })).resolves.toEqual(data.data);
  expect(gw.requests).toHaveLength(2);
});

it('a mutation is not retried and fails with the typed SERVICE_UNAVAILABLE code, its messages and Retry-After', async () => {
  gw.script(outage(5), json({ data: { registerCandidate: { id: 'c-2' } } }));
  const e = await failure(() => client().request(RegisterCandidateDocument, { input: { fullName: 'Siti', nik: '3673010101010001' } }));
  expect(e.code).toBe('SERVICE_UNAVAILABLE');
  expect(e.status).toBe(503);
  expect(e.retryAfterMs).toBe(5_000);
  expect(e.messages).toEqual({ id: expect.any(String), en: expect.any(String) });
  expect(gw.requests).toHaveLength(1);
  // clients branch on it with the typed union
  const retryLater = e.code === 'SERVICE_UNAVAILABLE';
  expect(retryLater).toBe(true);
});
