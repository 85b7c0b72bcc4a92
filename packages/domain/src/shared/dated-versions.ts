/**
 * The version of a dated definition in force on a date: the latest start date on or before `asOf`
 * wins, `null` means ended (repealed) from that date, a date before the first start is an error. One
 * home for the lookup that eligibility rule sets and cost line sets share (parameters have their own,
 * with values rather than definitions).
 */
import { invalid, type DomainErrorData } from './domain-error';
import { compareDates, parseIsoDate, type IsoDate } from './local-date';
import type { Route } from './vocabulary';

export interface DatedVersion<T> {
  readonly definition: T;
  readonly effectiveFrom: IsoDate;
}

/** How the errors of one table read: its code prefix and what it holds, in both languages. */
export interface DatedVersionLabels {
  /** e.g. `ELIGIBILITY` → ELIGIBILITY.BEFORE_COVERAGE and ELIGIBILITY.<endedCode> */
  readonly area: string;
  /** the code for an ended version, e.g. `RULE_SET_ENDED` */
  readonly endedCode: string;
  /** e.g. { id: 'Aturan', en: 'rules' } */
  readonly noun: { readonly id: string; readonly en: string };
}

export function datedVersionAsOf<T>(
  versions: Readonly<Record<string, T | null>>,
  route: Route,
  asOf: IsoDate,
  labels: DatedVersionLabels,
): DatedVersion<T> {
  parseIsoDate(asOf, ['asOf']);
  const dates = Object.keys(versions).sort();
  let start: string | undefined;
  for (const d of dates) if (compareDates(d, asOf) <= 0) start = d;
  const details: DomainErrorData['details'] = { route, coverageStart: dates[0] ?? null };
  const { id, en } = labels.noun;
  if (start === undefined) {
    invalid(
      `${labels.area}.BEFORE_COVERAGE`,
      `${id} jalur ${route} belum tercatat untuk tanggal tersebut; tersedia mulai ${dates[0]}.`,
      `The ${route} ${en} are not recorded for that date; coverage starts on ${dates[0]}.`,
      { path: ['asOf'], details },
    );
  }
  const definition = versions[start];
  if (!definition) {
    invalid(`${labels.area}.${labels.endedCode}`, `${id} jalur ${route} tidak berlaku lagi sejak ${start}.`, `The ${route} ${en} no longer apply since ${start}.`, {
      path: ['asOf'],
      details: { route, endedOn: start },
    });
  }
  return { definition, effectiveFrom: start };
}
