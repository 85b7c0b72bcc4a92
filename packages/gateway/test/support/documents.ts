/**
 * The GraphQL documents real clients send, gathered for the abuse-limit tests: the SDK's operations
 * (packages/sdk/src/operations/**.graphql, each with the fragments it uses, as codegen sends them),
 * the analysts' example queries (examples/**.graphql), and the example queries of the README.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface ClientDocument {
  /** Where it comes from, e.g. `packages/sdk/src/operations/list-openings.graphql`. */
  readonly source: string;
  /** The full text as sent (operation + the fragments it spreads). */
  readonly text: string;
}

function graphqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...graphqlFiles(full));
    else if (/\.(graphql|gql)$/.test(entry)) out.push(full);
  }
  return out;
}

/** Every operation in these folders, each with the fragments it needs (transitively), from any file. */
export function operationsIn(dirs: readonly string[]): ClientDocument[] {
  const files = dirs.flatMap((d) => graphqlFiles(path.join(REPO_ROOT, d)));
  const parsed = files.map((f) => ({ file: path.relative(REPO_ROOT, f), doc: parse(readFileSync(f, 'utf8')) }));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { doc } of parsed) {
    for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const spreadsOf = (node: DefinitionNode): string[] => {
    const names: string[] = [];
    visit(node, { FragmentSpread: (s) => void names.push(s.name.value) });
    return names;
  };
  const out: ClientDocument[] = [];
  for (const { file, doc } of parsed) {
    doc.definitions.forEach((def, i) => {
      if (def.kind !== Kind.OPERATION_DEFINITION) return;
      const needed = new Map<string, FragmentDefinitionNode>();
      const queue = spreadsOf(def);
      while (queue.length) {
        const name = queue.shift() as string;
        const fragment = fragments.get(name);
        if (!fragment || needed.has(name)) continue;
        needed.set(name, fragment);
        queue.push(...spreadsOf(fragment));
      }
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [def, ...needed.values()] };
      out.push({ source: `${file}#${def.name?.value ?? i}`, text: print(document) });
    });
  }
  return out;
}

/** The queries in the README's "paste into Apollo Sandbox" block (`# 1. …`, `# 2. …`, …). */
export function readmeQueries(): ClientDocument[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const block = /### Three queries[^\n]*\n+```graphql\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) return [];
  return block
    .split(/^(?=# \d+\.)/m)
    .map((part) => part.trim())
    .filter((part) => part.startsWith('#'))
    .map((part) => ({ source: `README.md ${part.split('\n')[0]}`, text: part }));
}
