/**
 * Table `upfront_cash_line` (issue 12): the city's "no resident sells belongings" line for the cash a
 * worker must find up front, as a program setting with its history. Setting a value adds a row
 * effective from a date; no row is ever updated or deleted (the database refuses it), so the line in
 * force on any past date can still be answered. The line in force on a date is the row with the
 * latest `effective_from` on or before it; of two rows with the same date, the one set last
 * (`sequence`: 1, 2, 3, … in the order the settings were made, given under a table lock) wins. DOMAIN.md gives no figure: with no row, the line is "not set" and nothing is invented.
 */
import { EntitySchema } from '@mikro-orm/core';

export class UpfrontCashLineRecord {
  id!: string;
  /** 1, 2, 3, … in the order the settings were made. */
  sequence!: number;
  /** Whole rupiah, above zero (bigint: a string from the driver). */
  amountIdr!: string;
  effectiveFrom!: string;
  /** Where the figure comes from (a decree, a meeting's minutes): required, not empty. */
  source!: string;
  /** Who set it (`apiKey:<keyId>`, `jwt:<subject>`). */
  setBy!: string;
  setAt!: Date;
}

export const UpfrontCashLineSchema = new EntitySchema<UpfrontCashLineRecord>({
  class: UpfrontCashLineRecord,
  tableName: 'upfront_cash_line',
  comment: 'The city’s up-front cash line (no resident sells belongings), whole rupiah, with its effective date, source and who set it; history kept',
  properties: {
    id: { type: 'uuid', primary: true },
    sequence: { type: 'integer', unique: 'upfront_cash_line_sequence_unique' },
    amountIdr: { type: 'bigint' },
    effectiveFrom: { type: 'date', index: 'upfront_cash_line_effective_from_idx' },
    source: { type: 'text' },
    setBy: { type: 'string', length: 300 },
    setAt: { type: 'datetime', columnType: 'timestamptz' },
  },
  checks: [
    { name: 'upfront_cash_line_amount_check', expression: 'amount_idr > 0' },
    { name: 'upfront_cash_line_sequence_check', expression: 'sequence > 0' },
    { name: 'upfront_cash_line_source_check', expression: "length(btrim(source)) > 0" },
  ],
});
