import { GATEWAY_NAME } from './index';
import { DomainError } from '@jembatan/domain';

it('builds against the domain package', () => {
  expect(GATEWAY_NAME).toBe('@jembatan/gateway');
  expect(new DomainError({ code: 'X.Y', message: { id: 'a', en: 'b' } }).code).toBe('X.Y');
});
