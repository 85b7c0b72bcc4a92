/**
 * Texts by reference (issue 14): what a lean calculator puts in its result where the full one puts a
 * bilingual `Messages`. A `TextRef` names the template of the text in `@jembatan/domain/messages` and
 * holds the values the template interpolates (numbers, dates, codes, or other texts), so the
 * calculators' own code carries no prose: a browser app that imports the lean calculators
 * (`@jembatan/domain/calculators`) bundles the texts only if it also imports the messages entry
 * (`renderTexts`), e.g. lazily. The main entry's calculators return the rendered texts, the same
 * `Messages` as before.
 */
import { DomainError, type DomainErrorData, type Messages } from './domain-error';
import type { TextKey } from '../messages/catalog';

export interface TextRef {
  /** The key of the text's template in the messages catalog, e.g. `DOCUMENT.EXPIRED`. */
  readonly text: TextKey;
  /** What the template interpolates, in its parameters' order. */
  readonly args: readonly TextArg[];
}

/** A bilingual text: rendered (`Messages`) or by reference (`TextRef`). */
export type Text = Messages | TextRef;
/** A value to interpolate as is (`undefined` too, written as the template literal wrote it before), or a text, rendered first. */
export type TextArg = string | number | undefined | Text;

/** A text by reference: `textRef('DOCUMENT.EXPIRED', label, expiresOn)`. */
export function textRef(text: TextKey, ...args: TextArg[]): TextRef {
  return { text, args };
}

export function isTextRef(v: unknown): v is TextRef {
  return typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string' && Array.isArray((v as { args?: unknown }).args);
}

/** A warning (or a result's error) with its text by reference: `{ code, message: text, ...extra }`. */
export function textErrorData(
  code: string,
  text: Text,
  extra: { path?: readonly string[]; details?: DomainErrorData['details'] } = {},
): DomainErrorData<Text> {
  return { code, message: text, ...extra };
}

/** Throw a `DomainError` for invalid input with its text by reference (a lean calculator's; issue 14). */
export function invalidText(
  code: string,
  text: Text,
  extra: { path?: readonly string[]; details?: DomainErrorData['details'] } = {},
): never {
  throw new DomainError<Text>(textErrorData(code, text, extra));
}
