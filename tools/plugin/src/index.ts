// @opsgraph/tools, the workspace's local Nx plugin (tools/plugin/generators.json).
export { subgraphGenerator, type SubgraphGeneratorSchema } from './subgraph/generator';
