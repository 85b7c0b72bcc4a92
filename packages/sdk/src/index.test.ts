import { SDK_NAME } from './index';
import { DomainError } from '@jembatan/domain';

it('builds against the domain package', () => {
  expect(SDK_NAME).toBe('@jembatan/sdk');
  expect(new DomainError({ code: 'X.Y', message: { id: 'a', en: 'b' } }).code).toBe('X.Y');
});
