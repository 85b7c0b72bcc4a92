import { dottedField, toFieldPath } from './field-path';
import { JembatanError } from './jembatan-error';
import { interpretResponse } from '../client/response';
import { createClient } from '../client/create-client';
import { failure } from '../__tests__/failure';
import { json, startFakeGateway, type FakeGateway } from '../__tests__/fake-gateway';
import { RegisterCandidateDocument } from '../__tests__/documents';

/**
 * The gateway's answer to `registerCandidate` with a 10-digit NIK, exactly as it sent it (captured from
 * the gateway of this repository; the e2e suite checks the live one: test/e2e/sdk-field-path.test.ts).
 */
const GATEWAY_NIK_INVALID = JSON.stringify({
  errors: [
    {
      message: 'The NIK must have exactly 16 digits.',
      locations: [{ line: 1, column: 63 }],
      path: ['registerCandidate'],
      extensions: {
        code: 'NIK_INVALID',
        messages: { id: 'NIK harus terdiri dari 16 angka.', en: 'The NIK must have exactly 16 digits.' },
        field: ['input', 'profile', 'nik'],
        domainCode: 'NIK.INVALID_LENGTH',
        details: { expected: 16, actual: 10, issueCount: 1 },
      },
    },
  ],
  data: null,
});

describe('toFieldPath', () => {
  it('takes segments as sent, and splits a dotted string (digit segments are list indices)', () => {
    expect(toFieldPath(['input', 'profile', 'nik'])).toEqual(['input', 'profile', 'nik']);
    expect(toFieldPath(['input', 'documents', 0, 'kind'])).toEqual(['input', 'documents', 0, 'kind']);
    expect(toFieldPath('input.profile.nik')).toEqual(['input', 'profile', 'nik']);
    expect(toFieldPath('input.documents.0.kind')).toEqual(['input', 'documents', 0, 'kind']);
    expect(toFieldPath('nik')).toEqual(['nik']);
  });
  it.each([[[]], [''], ['input..nik'], ['.nik'], [[{}]], [['input', '']], [['input', -1]], [['input', 1.5]], [42], [null], [undefined], [Array(40).fill('a')]])(
    'ignores %j',
    (value) => {
      expect(toFieldPath(value)).toBeUndefined();
    },
  );
  it('joins a path with dots', () => {
    expect(dottedField(['input', 'documents', 0, 'kind'])).toBe('input.documents.0.kind');
  });
});

describe('the field of an error', () => {
  it("reads the gateway's NIK_INVALID: field dotted, fieldPath as segments, on the error and its detail", () => {
    const r = interpretResponse({
      url: 'http://gw.test/graphql',
      status: 200,
      statusText: 'OK',
      headers: { get: () => null },
      body: GATEWAY_NIK_INVALID,
      receivedAt: 0,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'NIK_INVALID', field: 'input.profile.nik', fieldPath: ['input', 'profile', 'nik'] });
    expect(r.error.graphQLErrors?.[0]).toMatchObject({ field: 'input.profile.nik', fieldPath: ['input', 'profile', 'nik'], path: ['registerCandidate'] });
  });

  it('still reads a dotted string field, and extensions.path', () => {
    const read = (extensions: object) => {
      const r = interpretResponse({
        url: 'http://gw.test/graphql',
        status: 200,
        statusText: '',
        headers: { get: () => null },
        body: JSON.stringify({ errors: [{ message: 'x', extensions }] }),
        receivedAt: 0,
      });
      return r.ok ? undefined : { field: r.error.field, fieldPath: r.error.fieldPath };
    };
    expect(read({ field: 'input.nik' })).toEqual({ field: 'input.nik', fieldPath: ['input', 'nik'] });
    expect(read({ path: ['input', 'documents', 0, 'kind'] })).toEqual({ field: 'input.documents.0.kind', fieldPath: ['input', 'documents', 0, 'kind'] });
    expect(read({ field: ['input', 'x'], path: 'input.y' })).toEqual({ field: 'input.x', fieldPath: ['input', 'x'] });
    expect(read({ field: 7 })).toEqual({ field: undefined, fieldPath: undefined });
  });

  it('JembatanError keeps field and fieldPath in step when given one of them', () => {
    const messages = { id: 'x', en: 'x' };
    expect(new JembatanError({ code: 'BAD_USER_INPUT', messages, fieldPath: ['input', 'items', 2] })).toMatchObject({ field: 'input.items.2', fieldPath: ['input', 'items', 2] });
    expect(new JembatanError({ code: 'BAD_USER_INPUT', messages, field: 'input.nik' })).toMatchObject({ field: 'input.nik', fieldPath: ['input', 'nik'] });
    const none = new JembatanError({ code: 'BAD_USER_INPUT', messages });
    expect([none.field, none.fieldPath]).toEqual([undefined, undefined]);
    expect(new JembatanError({ code: 'BAD_USER_INPUT', messages, fieldPath: ['input', 'nik'] }).toJSON()).toMatchObject({ field: 'input.nik', fieldPath: ['input', 'nik'] });
  });
});

describe('the client', () => {
  let gw: FakeGateway;
  beforeAll(async () => {
    gw = await startFakeGateway();
  });
  afterAll(() => gw.close());

  it("gives e.field and e.fieldPath from the gateway's answer", async () => {
    gw.script(json(JSON.parse(GATEWAY_NIK_INVALID)));
    const e = await failure(() => createClient({ url: gw.url, retries: 0 }).request(RegisterCandidateDocument, { input: { fullName: 'Siti', nik: '3673011203' } }));
    expect(e.code).toBe('NIK_INVALID');
    expect(e.field).toBe('input.profile.nik');
    expect(e.fieldPath).toEqual(['input', 'profile', 'nik']);
    expect(e.messages).toEqual({ id: 'NIK harus terdiri dari 16 angka.', en: 'The NIK must have exactly 16 digits.' });
  });
});
