/** Entity ids are lower-case UUIDs; anything else is BAD_USER_INPUT before it reaches PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { timestampOf, type Clock } from '../clock';
import { GatewayError } from './errors';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newId(): string {
  return randomUUID();
}

export function checkId(value: string, field: readonly string[]): string {
  const v = typeof value === 'string' ? value.toLowerCase() : '';
  if (!UUID_RE.test(v)) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      { id: 'Id harus berupa UUID.', en: 'The id must be a UUID.' },
      { field },
    );
  }
  return v;
}

/** The instant a mutation is recorded, in the domain's canonical form, read from the injected clock (clock.ts). */
export function nowTimestamp(from: { readonly clock: Clock }): string {
  return timestampOf(from.clock);
}
