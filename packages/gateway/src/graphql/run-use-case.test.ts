/** Use-case failures become exactly the public errors the resolvers threw before the use-case layer. */
import { errorData } from '@jembatan/domain';
import { domainFailure, inconsistent, notFound as useCaseNotFound, rejected, unwrap, UseCaseError } from '../use-cases/use-case-error';
import { fromDomainError, GatewayError, notFound } from './errors';
import { toGatewayError, withGatewayErrors } from './run-use-case';

const shape = (e: GatewayError) => ({ code: e.code, message: e.message, extensions: e.extensions });
const failed = async (work: () => Promise<unknown>): Promise<unknown> => work().then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

describe('toGatewayError', () => {
  const error = errorData('QUOTA.EXHAUSTED', 'Kuota penuh.', 'No seat left.', { path: ['seats'], details: { seats: 3 } });

  it('a domain failure: the domain code decides the public code, the path goes under the prefix', () => {
    expect(shape(toGatewayError(domainFailure(error, ['input']).failure))).toEqual(shape(fromDomainError(error, ['input'])));
    expect(toGatewayError(domainFailure(error, ['input']).failure).extensions).toMatchObject({ code: 'QUOTA_EXHAUSTED', field: ['input', 'seats'], domainCode: 'QUOTA.EXHAUSTED' });
    const pathless = errorData('CANDIDATE.NOTE_REQUIRED', 'Catatan wajib.', 'A note is required.');
    expect(toGatewayError(domainFailure(pathless, []).failure).extensions).not.toHaveProperty('field');
  });

  it('unwrap puts a refused result under ["input"] unless told otherwise', () => {
    const refusal = (prefix?: readonly string[]) => {
      try {
        unwrap({ ok: false, error }, ...(prefix ? [prefix] : []));
      } catch (e) {
        return toGatewayError((e as UseCaseError).failure).extensions.field;
      }
      throw new Error('expected a failure');
    };
    expect(refusal()).toEqual(['input', 'seats']);
    expect(refusal([])).toEqual(['seats']);
    expect(unwrap({ ok: true, value: 7 })).toBe(7);
  });

  it('NOT_FOUND: the entity in the message and details, the field as given', () => {
    expect(shape(toGatewayError(useCaseNotFound('Candidate', ['input', 'id']).failure))).toEqual(shape(notFound('Candidate', ['input', 'id'])));
  });

  it('a refusal of the use case: its code, messages, field, domain code and details, nothing more', () => {
    const messages = { id: 'NIK ini sudah terdaftar.', en: 'This NIK is already registered.' };
    const e = toGatewayError(rejected('CONFLICT', messages, { field: ['input', 'profile', 'nik'], domainCode: 'CANDIDATE.DUPLICATE_NIK' }).failure);
    expect(shape(e)).toEqual(shape(new GatewayError('CONFLICT', messages, { field: ['input', 'profile', 'nik'], domainCode: 'CANDIDATE.DUPLICATE_NIK' })));
    expect(Object.keys(e.extensions).sort()).toEqual(['code', 'domainCode', 'field', 'messages']);
  });

  it('inconsistent stored data: INTERNAL_SERVER_ERROR with the default messages', () => {
    expect(shape(toGatewayError(inconsistent().failure))).toEqual(shape(new GatewayError('INTERNAL_SERVER_ERROR')));
  });
});

describe('withGatewayErrors', () => {
  it('converts a UseCaseError and lets every other error through untouched', async () => {
    const converted = await failed(() => withGatewayErrors(() => Promise.reject(useCaseNotFound('MoU', ['id']))));
    expect(converted).toBeInstanceOf(GatewayError);
    expect((converted as GatewayError).extensions).toMatchObject({ code: 'NOT_FOUND', field: ['id'] });
    const other = new TypeError('boom');
    expect(await failed(() => withGatewayErrors(() => Promise.reject(other)))).toBe(other);
    expect(await withGatewayErrors(() => Promise.resolve(3))).toBe(3);
  });
});
