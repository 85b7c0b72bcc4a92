/**
 * Typed patches. `Patch<T>` lists every key of the domain's own update input, each with a new value
 * or `undefined` (unchanged). A resolver building one must name every key, so a term the domain adds
 * to its update input is a compile error until the resolver decides about it (expose it, or pass
 * `undefined`), instead of being silently dropped by a `Record<string, unknown>`.
 */
export type Patch<T> = { readonly [K in keyof Required<T>]: T[K] | undefined };

/** The patch without its unchanged keys: what the domain's `update` / `revise` takes. */
export function changesOf<T extends object>(patch: Patch<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(patch) as Array<keyof T>) {
    const value = patch[key];
    if (value !== undefined) out[key] = value as T[keyof T];
  }
  return out;
}
