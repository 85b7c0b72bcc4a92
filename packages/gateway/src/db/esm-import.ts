/**
 * Load an ES module from this CommonJS package.
 *
 * `tsc` with `module: commonjs` rewrites `import(x)` into `require(x)`, which cannot load an ESM-only
 * package on every Node version, so the import expression is created at run time where TypeScript
 * cannot rewrite it. Under Jest (a `vm` sandbox without --experimental-vm-modules) no dynamic import
 * works at all: the test suite therefore starts embedded PostgreSQL in its global setup, which runs
 * in plain Node, and hands the tests a connection URL.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

export async function importEsm<T>(specifier: string): Promise<T> {
  try {
    return (await nativeImport(specifier)) as T;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/dynamic import callback|experimental-vm-modules/i.test(message)) {
      throw new Error(
        `Cannot load the ES module "${specifier}" inside a Jest sandbox; start it from Jest's globalSetup instead.`,
      );
    }
    throw e;
  }
}
