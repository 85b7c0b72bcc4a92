/**
 * Codegen is part of the build. These tests check (1) that src/generated/ is what the committed
 * schema and src/operations/ produce (stale files fail), and (2) that the configuration itself
 * works end to end: on a fixture schema it writes byte-identical files on every run, they compile
 * under the repository's strict settings, a wrong variable is a compile error, and the client
 * sends a generated document to a gateway.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient } from '../client/create-client';
import { json, startFakeGateway } from './fake-gateway';

const pkgDir = path.resolve(__dirname, '..', '..');
const repoDir = path.resolve(pkgDir, '..', '..');
const fixtures = path.join(__dirname, 'fixtures');

function codegen(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(pkgDir, 'scripts', 'codegen.mjs'), ...args], {
    cwd: pkgDir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

describe('generated files', () => {
  it('match the committed gateway schema and src/operations (run `npm run codegen -w @jembatan/sdk` if not)', () => {
    const r = codegen(['--check']);
    expect({ status: r.status, output: r.stdout + r.stderr }).toEqual({ status: 0, output: expect.any(String) });
  });
});

describe('codegen without a schema file', () => {
  const missing = { JEMBATAN_CODEGEN_SCHEMA: path.join(os.tmpdir(), 'jembatan-no-such-schema.graphql') };

  it.each([[[]], [['--check']]])('fails with exit code 1 and says what to do (args %j)', (args) => {
    const out = path.join(os.tmpdir(), 'jembatan-no-such-out');
    const r = codegen(args, { ...missing, JEMBATAN_CODEGEN_OUT: out });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is missing: build the gateway');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('codegen wiring on a fixture schema', () => {
  let tmp: string;
  let out: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jembatan-sdk-codegen-'));
    out = path.join(tmp, 'generated');
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const env = () => ({
    JEMBATAN_CODEGEN_SCHEMA: path.join(fixtures, 'wiring-schema.graphql'),
    JEMBATAN_CODEGEN_DOCUMENTS: path.join(fixtures, 'operations', '**', '*.graphql'),
    JEMBATAN_CODEGEN_OUT: `${out}/`,
  });

  it('generates reproducible files: a second run changes nothing, and --check agrees', () => {
    const first = codegen([], env());
    expect(first.status).toBe(0);
    const once = readTree(out);
    expect(Object.keys(once)).toEqual(['gql.ts', 'graphql.ts', 'index.ts']);
    expect(codegen([], env()).status).toBe(0);
    expect(readTree(out)).toEqual(once);
    expect(codegen(['--check'], env()).status).toBe(0);
    expect(Object.values(once).join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('reports a hand-edited generated file as stale', () => {
    const file = path.join(out, 'graphql.ts');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `${original}\n// edited\n`);
    try {
      expect(codegen(['--check'], env()).status).toBe(1);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('compiles under the strict settings, and a wrong variable is a compile error', () => {
    const consumer = fs
      .readFileSync(path.join(fixtures, 'wiring-consumer.ts.txt'), 'utf8')
      .replace(/GENERATED_DIR/g, out.split(path.sep).join('/'))
      .replace(/CLIENT_DIR/g, path.join(pkgDir, 'src').split(path.sep).join('/'));
    fs.writeFileSync(path.join(tmp, 'consumer.ts'), consumer);
    // The @ts-expect-error lines are real errors: without the directives, tsc reports each one. Both
    // files are checked in one program (one tsc run instead of two; each is a module of its own, and an
    // error is reported against the file it is in).
    fs.writeFileSync(path.join(tmp, 'consumer-bare.ts'), consumer.replace(/\/\/ @ts-expect-error.*$/gm, ''));
    const tsconfig = {
      extends: path.join(repoDir, 'tsconfig.base.json'),
      compilerOptions: {
        noEmit: true,
        lib: ['ES2022', 'DOM'],
        types: [],
        baseUrl: '.',
        paths: { '*': [path.join(repoDir, 'node_modules', '*'), path.join(repoDir, 'node_modules', '@types', '*')] },
      },
      files: ['consumer.ts', 'consumer-bare.ts'],
    };
    fs.writeFileSync(path.join(tmp, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = require.resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', path.join(tmp, 'tsconfig.json'), '--pretty', 'false'], { cwd: tmp, encoding: 'utf8' });
    const lines = (r.stdout + r.stderr).split('\n').filter((line) => line.trim() !== '');
    // nothing in consumer.ts (an unused directive would be an error there too), and nothing else at all
    expect(lines.filter((line) => !/^consumer-bare\.ts\(\d+,\d+\): error TS\d+/.test(line))).toEqual([]);
    expect(lines).toHaveLength(4);
    expect(r.status).not.toBe(0);
  });

  it('sends a generated document with its operation name and variables', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generated = require(path.join(out, 'graphql.ts')) as Record<string, unknown>;
    const gw = await startFakeGateway();
    try {
      gw.script(json({ data: { registerCandidate: { id: 'c-9', fullName: 'Siti' } } }));
      const client = createClient({ url: gw.url });
      const data = await client.request(generated.WiringRegisterCandidateDocument as never, {
        input: { fullName: 'Siti', nik: '3673010101010001' },
      } as never);
      expect(data).toEqual({ registerCandidate: { id: 'c-9', fullName: 'Siti' } });
      expect(gw.requests[0]?.body.operationName).toBe('WiringRegisterCandidate');
      expect(gw.requests[0]?.body.query).toMatch(/^mutation WiringRegisterCandidate\(\$input: RegisterCandidateInput!\)/);
    } finally {
      await gw.close();
    }
  });
});
