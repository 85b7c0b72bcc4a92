import { money, type Currency, type Money } from '@jembatan/domain';

/** A `Money` as the gateway sends it: integer minor units as a decimal string. */
export interface WireMoney {
  readonly amount: string;
  readonly currency: Currency;
}

/**
 * Turns a gateway `Money` (amount as a string) into the domain's `Money` (a safe integer), so that
 * online results can be compared with, or added to, offline ones. Throws the domain's
 * `DomainError` (`MONEY.*`) when the amount is not a safe integer.
 */
export function fromGraphQLMoney(m: WireMoney): Money {
  return money(m.amount, m.currency);
}

/** The domain's `Money` as the gateway writes it (for comparing, or for inputs that take an amount string). */
export function toGraphQLMoney(m: Money): WireMoney {
  return { amount: String(m.amount), currency: m.currency };
}
