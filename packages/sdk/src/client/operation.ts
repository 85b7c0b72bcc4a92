import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { Messages } from '@jembatan/domain';
import type { OperationType } from '../errors/jembatan-error.js';

/**
 * A document the client accepts: a `TypedDocumentNode` (GraphQL Code Generator's default output),
 * a `TypedDocumentString` (its `documentMode: 'string'` output), or an untyped `DocumentNode`.
 */
export type RequestDocument<TResult = unknown, TVariables = Record<string, unknown>> =
  | (DocumentNode & DocumentTypeDecoration<TResult, TVariables>)
  | (string & DocumentTypeDecoration<TResult, TVariables>)
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types
  | (String & DocumentTypeDecoration<TResult, TVariables>);

export interface PreparedOperation {
  readonly query: string;
  readonly operationName?: string;
  readonly operationType: OperationType;
}

export type PrepareResult = { ok: true; operation: PreparedOperation } | { ok: false; reason: Messages };

function isDocumentNode(value: unknown): value is DocumentNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === Kind.DOCUMENT &&
    Array.isArray((value as { definitions?: unknown }).definitions)
  );
}

const cache = new WeakMap<object, PrepareResult>();

/**
 * Prints the document and finds its single operation and its type. Documents are prepared once
 * and cached (by identity) so that generated documents are printed only on first use.
 */
export function prepareOperation(document: unknown): PrepareResult {
  if (typeof document === 'object' && document !== null && !(document instanceof String)) {
    const hit = cache.get(document);
    if (hit) return hit;
    const result = prepareUncached(document);
    cache.set(document, result);
    return result;
  }
  return prepareUncached(document);
}

function prepareUncached(document: unknown): PrepareResult {
  let ast: DocumentNode;
  let query: string;
  if (typeof document === 'string' || document instanceof String) {
    query = String(document);
    try {
      ast = parse(query, { noLocation: true });
    } catch (e) {
      const detail = e instanceof Error ? e.message.slice(0, 200) : 'parse error';
      return {
        ok: false,
        reason: { id: `dokumen GraphQL tidak dapat dibaca (${detail}).`, en: `the GraphQL document does not parse (${detail}).` },
      };
    }
  } else if (isDocumentNode(document)) {
    ast = document;
    try {
      query = print(document);
    } catch (e) {
      const detail = e instanceof Error ? e.message.slice(0, 200) : 'print error';
      return {
        ok: false,
        reason: { id: `dokumen GraphQL rusak (${detail}).`, en: `the GraphQL document is malformed (${detail}).` },
      };
    }
  } else {
    return {
      ok: false,
      reason: {
        id: 'dokumen harus berupa DocumentNode atau string GraphQL (gunakan dokumen hasil codegen).',
        en: 'the document must be a DocumentNode or a GraphQL string (use a generated document).',
      },
    };
  }
  const operations = ast.definitions.filter(
    (d): d is OperationDefinitionNode => (d as { kind?: unknown }).kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1) {
    return {
      ok: false,
      reason: {
        id: `dokumen harus berisi tepat satu operasi (ditemukan ${operations.length}).`,
        en: `the document must contain exactly one operation (found ${operations.length}).`,
      },
    };
  }
  const op = operations[0]!;
  if (op.operation !== 'query' && op.operation !== 'mutation') {
    return {
      ok: false,
      reason: {
        id: `operasi ${op.operation} tidak didukung lewat HTTP; gunakan query atau mutation.`,
        en: `${op.operation} operations are not supported over HTTP; use a query or a mutation.`,
      },
    };
  }
  const operationName = op.name?.value;
  return {
    ok: true,
    operation: operationName === undefined
      ? { query, operationType: op.operation }
      : { query, operationName, operationType: op.operation },
  };
}
