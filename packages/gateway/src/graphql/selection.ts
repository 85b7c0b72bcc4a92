/**
 * What a query selects below a field, for read models that fetch a relation in the same statement
 * when (and only when) it is asked for. Fragments (named and inline) are followed; a field under
 * `@include` / `@skip` counts as selected (fetching it anyway is harmless: the resolver decides what
 * is returned, the read model only saves a round trip).
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function collect(
  set: SelectionSetNode | undefined,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  out: FieldNode[],
  seen: Set<string>,
): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === 'Field') out.push(s);
    else if (s.kind === 'InlineFragment') collect(s.selectionSet, fragments, out, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      collect(fragments[s.name.value]?.selectionSet, fragments, out, seen);
    }
  }
}

/**
 * The names of the fields selected at `path` below the current field (every alias and fragment of
 * it merged), e.g. `selectedFieldNames(info, ['edges', 'node'])` on a connection.
 */
export function selectedFieldNames(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): Set<string> {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const f of level) {
      const children: FieldNode[] = [];
      collect(f.selectionSet, info.fragments, children, new Set());
      for (const c of children) if (c.name.value === name) next.push(c);
    }
    level = next;
  }
  const names = new Set<string>();
  for (const f of level) {
    const children: FieldNode[] = [];
    collect(f.selectionSet, info.fragments, children, new Set());
    for (const c of children) names.add(c.name.value);
  }
  return names;
}
