/**
 * The gateway's shape (ARCHITECTURE.md): writes go resolver → use case → domain → persistence.
 * - A resolver writes nothing itself: no transaction, flush, persist, native write or audit row; each
 *   @Mutation runs a use case (`runUseCase` / `withGatewayErrors`, graphql/run-use-case.ts).
 * - A use case knows nothing of GraphQL: no import from src/graphql/, type-graphql, graphql or Apollo.
 * Production files only: tests may check how a failure reads as a GraphQL error.
 * Each rule is also run on a small bad example, so the test is known to catch what it looks for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const SRC = path.join(__dirname, '..');
const GRAPHQL_DIR = path.join(SRC, 'graphql');

/** Member calls that write (MikroORM EntityManager / UnitOfWork). */
const WRITE_CALLS = new Set([
  'transactional',
  'begin',
  'commit',
  'flush',
  'persist',
  'persistAndFlush',
  'remove',
  'removeAndFlush',
  'insert',
  'insertMany',
  'upsert',
  'upsertMany',
  'nativeInsert',
  'nativeUpdate',
  'nativeDelete',
]);
/** Imported names that write or audit a change. */
const WRITE_IMPORTS = /^(writeAudit|auditChange|apply\w+Snapshot)$/;
const USE_CASE_RUNNERS = new Set(['runUseCase', 'withGatewayErrors']);
const GRAPHQL_PACKAGES = /^(graphql|graphql-scalars|type-graphql|@apollo\/.*|@as-integrations\/.*)$/;

function sources(dir: string, accept: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' ? [] : sources(p, accept);
    return accept(e.name) && !/\.(test|spec)\.ts$/.test(e.name) ? [p] : [];
  });
}

const parse = (file: string, text = fs.readFileSync(file, 'utf8')): ts.SourceFile => ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
const where = (sf: ts.SourceFile, node: ts.Node): string =>
  `${path.relative(SRC, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;

function imports(sf: ts.SourceFile): ts.ImportDeclaration[] {
  return sf.statements.filter(ts.isImportDeclaration);
}

function decoratorNames(node: ts.Node): string[] {
  return (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).map((d) =>
    ts.isCallExpression(d.expression) ? d.expression.expression.getText() : d.expression.getText(),
  );
}

/** What a resolver file does that only a use case may do. */
function resolverViolations(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const decl of imports(sf)) {
    const names = decl.importClause?.namedBindings;
    if (names && ts.isNamedImports(names)) {
      for (const el of names.elements) if (WRITE_IMPORTS.test(el.name.text)) out.push(`${where(sf, el)} imports ${el.name.text}`);
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && WRITE_CALLS.has(node.expression.name.text)) {
      out.push(`${where(sf, node)} calls ${node.expression.name.text}`);
    }
    if (ts.isMethodDeclaration(node) && decoratorNames(node).includes('Mutation')) {
      let runs = false;
      const find = (n: ts.Node): void => {
        if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && USE_CASE_RUNNERS.has(n.expression.text)) runs = true;
        ts.forEachChild(n, find);
      };
      find(node);
      if (!runs) out.push(`${where(sf, node)} mutation ${node.name.getText(sf)} runs no use case`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** What a use-case file imports that belongs to GraphQL. */
function useCaseViolations(sf: ts.SourceFile): string[] {
  return imports(sf).flatMap((decl) => {
    const spec = (decl.moduleSpecifier as ts.StringLiteral).text;
    const resolved = spec.startsWith('.') ? path.resolve(path.dirname(sf.fileName), spec) : undefined;
    const intoGraphql = resolved !== undefined && (resolved === GRAPHQL_DIR || resolved.startsWith(GRAPHQL_DIR + path.sep));
    return intoGraphql || GRAPHQL_PACKAGES.test(spec) ? [`${where(sf, decl)} imports ${spec}`] : [];
  });
}

const resolverFiles = [
  ...sources(path.join(GRAPHQL_DIR, 'resolvers'), (n) => n.endsWith('.ts')),
  ...sources(path.join(SRC, 'security', 'graphql'), (n) => n.endsWith('.resolver.ts')),
];
const useCaseFiles = sources(__dirname, (n) => n.endsWith('.ts'));

describe('writes go through use cases', () => {
  it('finds the resolvers and their mutations', () => {
    expect(resolverFiles.length).toBeGreaterThanOrEqual(10);
    const mutations = resolverFiles.flatMap((f) => (fs.readFileSync(f, 'utf8').match(/@Mutation\(/g) ?? []).map(() => f));
    expect(mutations.length).toBeGreaterThanOrEqual(20);
  });

  it('no resolver opens a transaction, flushes, persists, writes natively or audits; every mutation runs a use case', () => {
    expect(resolverFiles.flatMap((f) => resolverViolations(parse(f)))).toEqual([]);
  });

  it('catches a resolver that writes itself', () => {
    const bad = parse(
      path.join(GRAPHQL_DIR, 'resolvers', 'bad.resolver.ts'),
      `import { auditChange } from '../access';
       class R {
         @Mutation(() => X) async change(ctx) {
           return ctx.em.transactional(async (em) => { em.persist(x); await em.flush(); });
         }
         @Mutation(() => X) async fine(ctx) { return runUseCase(ctx, doIt, {}); }
       }`,
    );
    expect(resolverViolations(bad).map((v) => v.replace(/^.*:\d+ /, ''))).toEqual([
      'imports auditChange',
      'mutation change runs no use case',
      'calls transactional',
      'calls persist',
      'calls flush',
    ]);
  });
});

describe('use cases know nothing of GraphQL', () => {
  it('finds the use cases', () => {
    expect(useCaseFiles.filter((f) => f.endsWith('.use-case.ts')).length).toBeGreaterThanOrEqual(20);
  });

  it('no use case imports from src/graphql/ or a GraphQL package', () => {
    expect(useCaseFiles.flatMap((f) => useCaseViolations(parse(f)))).toEqual([]);
  });

  it('catches a use case that imports GraphQL', () => {
    const bad = parse(
      path.join(__dirname, 'bad.use-case.ts'),
      `import { GatewayError } from '../graphql/errors';
       import { Field } from 'type-graphql';
       import { GraphQLError } from 'graphql';
       import { Candidate } from '../domain';
       import { recordChange } from './audit';`,
    );
    expect(useCaseViolations(bad).map((v) => v.replace(/^.*:\d+ /, ''))).toEqual(['imports ../graphql/errors', 'imports type-graphql', 'imports graphql']);
  });
});
