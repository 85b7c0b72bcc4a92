#!/usr/bin/env node
/**
 * Builds the program dashboard into a folder of static files: main.js (src/main.ts with the SDK and
 * Chart.js bundled from node_modules by esbuild; nothing from a CDN), index.html and style.css.
 *
 *   node examples/program-dashboard/build.mjs [--outdir <dir>] [--no-minify]
 *
 * Default outdir: examples/program-dashboard/dist (git-ignored). Prints the files and their sizes.
 * Build the packages first (`npm run build`): the SDK is bundled from its compiled ESM.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

const USAGE = 'Usage: node examples/program-dashboard/build.mjs [--outdir <dir>] [--no-minify]\n';

function options(argv) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { outdir: { type: 'string' }, 'no-minify': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    return values;
  } catch (e) {
    process.stderr.write(`${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

/** Bundles the page into `outdir`; returns the files written with their sizes in bytes. */
export async function buildDashboard({ outdir = path.join(here, 'dist'), minify = true } = {}) {
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: [path.join(here, 'src', 'main.ts')],
    outfile: path.join(outdir, 'main.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify,
    sourcemap: true,
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    metafile: true,
  });
  if (result.errors.length > 0) throw new Error(`esbuild failed with ${result.errors.length} error(s)`);
  await Promise.all(['index.html', 'style.css'].map((f) => copyFile(path.join(here, f), path.join(outdir, f))));
  const files = ['index.html', 'style.css', 'main.js'];
  return Promise.all(files.map(async (f) => ({ file: path.join(outdir, f), bytes: (await stat(path.join(outdir, f))).size })));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const values = options(process.argv.slice(2));
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const outdir = values.outdir ? path.resolve(values.outdir) : undefined;
  buildDashboard({ ...(outdir ? { outdir } : {}), minify: !values['no-minify'] }).then(
    (files) => {
      for (const f of files) process.stdout.write(`${f.file}\t${(f.bytes / 1024).toFixed(1)} KiB\n`);
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
