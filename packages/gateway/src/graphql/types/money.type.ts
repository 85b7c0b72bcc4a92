import { CURRENCIES, toDecimalString, type Currency, type Money as DomainMoney } from '@jembatan/domain';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export const CurrencyEnum = Object.fromEntries(CURRENCIES.map((c) => [c, c])) as { [K in Currency]: K };
registerEnumType(CurrencyEnum, {
  name: 'Currency',
  description: 'ISO 4217 currency of an amount.',
  valuesConfig: {
    IDR: { description: 'Indonesian rupiah; amounts in whole rupiah (no minor unit).' },
    KRW: { description: 'Korean won; amounts in whole won.' },
    USD: { description: 'US dollar; amounts in cents.' },
  },
});

@ObjectType({
  description:
    'An exact amount of money. `amount` is a decimal string of integer minor units (whole rupiah for IDR, whole won for KRW, cents for USD): GraphQL Int is 32-bit and city-wide rupiah totals exceed it.',
})
export class Money {
  @Field(() => String, { description: 'Integer amount in minor units, as a decimal string (e.g. "1329619" = Rp 1.329.619).' })
  amount!: string;

  @Field(() => CurrencyEnum, { description: 'Currency of the amount.' })
  currency!: Currency;

  @Field(() => String, { description: 'The amount in major units, e.g. "1329619" for IDR or "28.00" for USD.' })
  decimal!: string;
}

export function toMoneyGql(m: DomainMoney): Money {
  return { amount: String(m.amount), currency: m.currency, decimal: toDecimalString(m) };
}

/** From integer minor units stored in the database (bigint columns arrive as strings). */
export function moneyFromMinor(amount: number | string | bigint, currency: Currency): Money {
  const asString = String(amount);
  const value = Number(asString);
  return {
    amount: asString,
    currency,
    decimal: Number.isSafeInteger(value) ? toDecimalString({ amount: value, currency }) : asString,
  };
}
