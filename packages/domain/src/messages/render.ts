/**
 * Renders the texts of a lean calculator's result (issue 14): every `TextRef` in it becomes the
 * `Messages` its template gives; everything else is kept as it is (a subtree without a reference is
 * returned unchanged, the same object; a frozen object or array that holds one is copied frozen).
 * `renderTexts(leanEvaluateEligibility(input))` equals `evaluateEligibility(input)`; `renderError` does
 * the same for a thrown `DomainError` whose texts are by reference.
 */
import { DomainError, type Messages } from '../shared/domain-error';
import { isTextRef, type Text, type TextArg } from '../shared/text';
import { TEXTS } from './catalog';

type Template = Messages | ((...args: never[]) => Messages);

/** One text, rendered. */
export function renderText(text: Text): Messages {
  if (!isTextRef(text)) return text;
  const template: Template = TEXTS[text.text];
  if (typeof template !== 'function') return template;
  const args = text.args.map((a: TextArg) => (typeof a === 'object' && a !== null ? renderText(a) : a));
  return (template as (...a: readonly (string | number | undefined | Messages)[]) => Messages)(...args);
}

/** `T` with every text rendered: what the main entry's calculators return. */
export type RenderedTexts<T> = T extends string | number | boolean | bigint | symbol | null | undefined | ((...args: never[]) => unknown)
  ? T
  : T extends Text
  ? Messages
  : T extends (infer U)[]
    ? RenderedTexts<U>[]
    : T extends readonly (infer U)[]
      ? readonly RenderedTexts<U>[]
      : T extends object
        ? { [K in keyof T]: RenderedTexts<T[K]> }
        : T;

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Deeply frozen objects and arrays known to hold no `TextRef` (parameter values, shared constants):
 * they cannot change, so `render` returns them at once the next time (a memo by identity: the same
 * result, without walking the parameters' data on every call).
 */
const TEXT_FREE = new WeakSet<object>();

const textFree = (v: unknown): boolean => typeof v !== 'object' || v === null || TEXT_FREE.has(v);

function render(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || TEXT_FREE.has(value)) return value;
  if (isTextRef(value)) return renderText(value);
  if (Array.isArray(value)) {
    let items: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = render(value[i]);
      if (items === undefined && item !== value[i]) items = value.slice(0, i);
      if (items !== undefined) items.push(item);
    }
    if (items === undefined) return remembered(value, value);
    return frozenLike(value, items);
  }
  if (!isPlain(value)) return value;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = render(o[k]);
    if (out === undefined && v !== o[k]) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = o[keys[j]!];
    }
    if (out !== undefined) out[k] = v;
  }
  if (out === undefined) return remembered(o, Object.values(o));
  return frozenLike(value, out);
}

/** `value` (holding no `TextRef`), remembered as such when it and everything in it are frozen. */
function remembered(value: object, children: readonly unknown[]): object {
  if (Object.isFrozen(value) && children.every(textFree)) TEXT_FREE.add(value);
  return value;
}

function frozenLike<T extends object>(original: object, copy: T): T {
  return Object.isFrozen(original) ? Object.freeze(copy) : copy;
}

/** `value` with every `TextRef` in it rendered (deeply: results, their items, their actions). */
export function renderTexts<T>(value: T): RenderedTexts<T> {
  return render(value) as RenderedTexts<T>;
}

/**
 * The error the main entry's calculator throws for one a lean calculator threw: a `DomainError` whose
 * texts are by reference comes back as a `DomainError` with them rendered (same code, path, details
 * and stack); any other error as it is.
 */
export function renderError(e: unknown): unknown {
  if (!(e instanceof DomainError) || !isTextRef(e.messages)) return e;
  const rendered = new DomainError(renderTexts(e.toJSON()));
  if (e.stack !== undefined) rendered.stack = e.stack.replace(`${e.name}: ${e.message}`, `${rendered.name}: ${rendered.message}`);
  return rendered;
}

/** `f`'s result with its texts rendered, and its errors too: a main-entry calculator from a lean one. */
export function rendered<A extends readonly unknown[], R>(f: (...args: A) => R, ...args: A): RenderedTexts<R> {
  try {
    return renderTexts(f(...args));
  } catch (e) {
    throw renderError(e);
  }
}
