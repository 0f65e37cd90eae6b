// Trusted documents (a persisted-operation safelist): with a manifest, the gateway runs only the operations a client
// build registered, sent by hash (`extensions.persistedQuery.sha256Hash`) or in full. Without one, Apollo's automatic
// persisted queries (any operation, registered on first use) stay on for development.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { ConfigError } from '@opsgraph/service-runtime';

/** sha256 (hex) of the operation text → the operation text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

export const NOT_LISTED = 'PERSISTED_QUERY_NOT_IN_LIST';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function loadTrustedDocuments(file: string): TrustedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read the trusted documents ${file}: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`${file}: expected { "sha256:<hex>": "<operation>" }`);
  }
  const documents = new Map<string, string>();
  // GraphQL Code Generator's `persisted-documents.json` writes `"sha256:<hex>": "<operation>"`.
  for (const [key, text] of Object.entries(parsed)) {
    const hash = key.replace(/^sha256:/, '');
    if (typeof text !== 'string' || sha256(text) !== hash) {
      throw new ConfigError(`${file}: the entry ${key} is not the sha256 of its operation text`);
    }
    documents.set(hash, text);
  }
  return documents;
}

interface GraphQLBody {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

export type TrustedResult = { ok: true; body: unknown } | { ok: false; message: string };

/**
 * A POST body (parsed JSON) → the body to execute (the listed operation's text filled in when only its hash came),
 * or why it is refused. A hash that does not match a query sent with it is left to Apollo's check.
 */
export function admitTrusted(documents: TrustedDocuments, body: unknown): TrustedResult {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: true, body };
  const request = body as GraphQLBody;
  const hash = request.extensions?.persistedQuery?.sha256Hash;
  if (typeof hash === 'string' && documents.has(hash)) {
    return {
      ok: true,
      body: request.query === undefined ? { ...request, query: documents.get(hash) } : body,
    };
  }
  if (typeof hash !== 'string' && typeof request.query === 'string' && documents.has(sha256(request.query))) {
    return { ok: true, body };
  }
  return { ok: false, message: 'This gateway runs only trusted documents: the operation is not on its list' };
}

/** The same for a GET request's query string (`?extensions={"persistedQuery":…}` and/or `query=`). */
export function admitTrustedSearch(
  documents: TrustedDocuments,
  search: string,
): { ok: true; search: string } | { ok: false; message: string } {
  const params = new URLSearchParams(search);
  let extensions: unknown;
  try {
    extensions = JSON.parse(params.get('extensions') ?? 'null');
  } catch {
    extensions = undefined;
  }
  const query = params.get('query') ?? undefined;
  const result = admitTrusted(documents, { query, extensions: extensions ?? undefined });
  if (!result.ok) return result;
  const admitted = (result.body as { query?: string }).query;
  if (admitted !== undefined && query === undefined) params.set('query', admitted);
  return { ok: true, search: params.toString() };
}
