/**
 * Smaller pieces (issue 9): no function, method or arrow function in the domain or the gateway source
 * is longer than MAX_LINES lines (its whole span, nested functions included, as eslint's
 * max-lines-per-function counts it). Tests, generated code and migrations (a committed history of
 * DDL that is never edited after it has run) are not counted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const MAX_LINES = 80;
const root = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'dist', '__tests__', 'generated', 'migrations'].includes(e.name) ? [] : sources(p);
    return /\.ts$/.test(e.name) && !/\.(test|spec)\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

interface LongFunction {
  readonly where: string;
  readonly lines: number;
}

function nameOf(node: ts.Node, file: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(file);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(file);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(file);
  return '<anonymous>';
}

function longFunctions(file: string): LongFunction[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_LINES) out.push({ where: `${path.relative(root, file)}:${start + 1} ${nameOf(node, sf)}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe(`no function over ${MAX_LINES} lines`, () => {
  it.each(['packages/domain/src', 'packages/gateway/src'])('in %s', (dir) => {
    const files = sources(path.join(root, dir));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(longFunctions)).toEqual([]);
  });

  it('sees a long function (the check itself works)', () => {
    const tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'fnlen-'));
    const f = path.join(tmp, 'long.ts');
    fs.writeFileSync(f, `export function long(): number {\n${'  let x = 1;\n'.repeat(MAX_LINES)}  return 1;\n}\n`);
    try {
      expect(longFunctions(f)).toHaveLength(1);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
