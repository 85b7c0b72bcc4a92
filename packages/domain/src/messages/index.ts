/**
 * `@jembatan/domain/messages` (issue 14): the bilingual texts of the calculators' results and what
 * renders them. The lean calculators (`@jembatan/domain/calculators`) put texts by reference
 * (`TextRef`: a key and the values to interpolate) in their results; `renderTexts` turns a result
 * into the one the main entry's calculator gives, with `Messages`. A browser app that shows the
 * texts imports this entry (e.g. lazily, when it first shows a result).
 */
export { renderError, renderText, renderTexts, type RenderedTexts } from './render';
export { TEXTS, type TextKey } from './catalog';
export type { TextValue } from './text-value';
export { isTextRef, type Text, type TextArg, type TextRef } from '../shared/text';
