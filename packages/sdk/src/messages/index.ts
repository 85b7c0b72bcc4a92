/**
 * `@jembatan/sdk/messages` (issue 14): renders the texts by reference of `@jembatan/sdk/calculators`'
 * results (`renderTexts(result)` is what the main entry's calculator returns), re-exported from
 * `@jembatan/domain/messages`.
 */
export { renderText, renderTexts, isTextRef, type RenderedTexts, type Text, type TextArg, type TextRef } from '@jembatan/domain/messages';
