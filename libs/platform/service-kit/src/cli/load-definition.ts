import 'reflect-metadata';
import path from 'node:path';
import type { SubgraphDefinition } from '../app/subgraph-definition';

/** The `subgraph` export of a service's `src/subgraph.ts`, given the service's folder or that file. */
export function loadDefinition(target: string | undefined): SubgraphDefinition {
  if (!target) throw new Error('usage: <services/<name>> [args]');
  const file = target.endsWith('.ts') ? target : path.join(target, 'src', 'subgraph.ts');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path.resolve(file)) as { subgraph?: SubgraphDefinition };
  if (!loaded.subgraph) throw new Error(`${file} exports no \`subgraph\``);
  return loaded.subgraph;
}
