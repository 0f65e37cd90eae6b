// A supergraph composed in this process from the running subgraphs' SDLs, with some fields left out of one
// subgraph: e.g. the graph as it was before a field moved there with @override. Written to a temporary file for
// `stack.startGateway({ SUPERGRAPH_PATH })`. The gateway's composition code is loaded by file path, as stack.ts
// loads the deployables.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kind, parse, print, visit, type FieldDefinitionNode } from 'graphql';
import { E2E_GATEWAY_SECRET, SERVICE_NAMES, type Stack } from './stack';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface ComposeModule {
  fetchRunningSdl(url: string, gatewaySecret: string): Promise<string>;
}
interface SupergraphModule {
  composeSupergraph(subgraphs: Array<{ name: string; url: string; sdl: string }>): string;
}

function load<T>(relative: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deployables are loaded, not imported
  return require(path.join(ROOT, relative)) as T;
}

/** `Type.field` names to leave out of one subgraph's SDL. */
export interface FieldsLeftOut {
  subgraph: string;
  fields: readonly string[];
}

/** The SDL without the named fields (of object types and their extensions). */
export function withoutFields(sdl: string, fields: readonly string[]): string {
  let left = 0;
  const edited = visit(parse(sdl), {
    [Kind.OBJECT_TYPE_DEFINITION]: (node) => drop(node),
    [Kind.OBJECT_TYPE_EXTENSION]: (node) => drop(node),
  });
  function drop<N extends { name: { value: string }; fields?: readonly FieldDefinitionNode[] }>(node: N): N {
    const kept = (node.fields ?? []).filter((field) => !fields.includes(`${node.name.value}.${field.name.value}`));
    left += (node.fields?.length ?? 0) - kept.length;
    return { ...node, fields: kept };
  }
  if (left !== fields.length) throw new Error(`expected to leave out ${fields.join(', ')}, left out ${left}`);
  return print(edited);
}

/** Composes the running stack's subgraphs (one of them without `leftOut.fields`); the supergraph file's path. */
export async function supergraphWithout(stack: Stack, leftOut: FieldsLeftOut): Promise<string> {
  const { fetchRunningSdl } = load<ComposeModule>('gateway/src/compose');
  const { composeSupergraph } = load<SupergraphModule>('gateway/src/supergraph');
  const subgraphs = await Promise.all(
    SERVICE_NAMES.map(async (name) => {
      const url = stack.services[name].url;
      const sdl = await fetchRunningSdl(url, E2E_GATEWAY_SECRET);
      return { name, url, sdl: name === leftOut.subgraph ? withoutFields(sdl, leftOut.fields) : sdl };
    }),
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-supergraph-')), 'supergraph.graphql');
  fs.writeFileSync(file, composeSupergraph(subgraphs));
  return file;
}
