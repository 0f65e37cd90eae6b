// Which elements of the public schema (types, fields, arguments, enum values) clients see without a description,
// and which subgraphs own each one (read from the supergraph's join__ directives).
import {
  isTypeDefinitionNode,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
} from 'graphql';

export interface SchemaElement {
  /** `Type`, `Type.field`, `Type.field(arg:)` or `Enum.VALUE`. */
  coordinate: string;
  documented: boolean;
  /** Subgraph names (lower case) that define the element. */
  owners: string[];
}

const named = (node: { name: { value: string } }) => node.name.value;
const hasDescription = (node: { description?: { value: string } }) => Boolean(node.description?.value.trim());

function graphsOf(directives: readonly ConstDirectiveNode[] | undefined, directive: string): string[] {
  const graphs = new Set<string>();
  for (const node of directives ?? []) {
    if (node.name.value !== directive) continue;
    const graph = node.arguments?.find((argument) => argument.name.value === 'graph')?.value;
    if (graph?.kind === Kind.ENUM) graphs.add(graph.value.toLowerCase().replace(/_/g, '-'));
  }
  return [...graphs].sort();
}

const isInaccessible = (node: { directives?: readonly ConstDirectiveNode[] }) =>
  (node.directives ?? []).some((directive) => directive.name.value === 'inaccessible');

/** Type name → owning subgraphs, and per `Type.member` (fields, enum values) the owners when they differ. */
function ownership(supergraph: DocumentNode) {
  const types = new Map<string, string[]>();
  const members = new Map<string, string[]>();
  for (const definition of supergraph.definitions) {
    if (!isTypeDefinitionNode(definition)) continue;
    const type = definition;
    const typeName = named(type);
    const typeOwners = graphsOf(type.directives, 'join__type');
    types.set(typeName, typeOwners);
    const fields =
      'fields' in type
        ? ((type.fields ?? []) as readonly (FieldDefinitionNode | InputValueDefinitionNode)[])
        : [];
    for (const field of fields) {
      const own = graphsOf(field.directives, 'join__field');
      members.set(`${typeName}.${named(field)}`, own.length ? own : typeOwners);
    }
    const values = 'values' in type ? ((type.values ?? []) as readonly EnumValueDefinitionNode[]) : [];
    for (const value of values) {
      const own = graphsOf(value.directives, 'join__enumValue');
      members.set(`${typeName}.${named(value)}`, own.length ? own : typeOwners);
    }
  }
  return { types, members };
}

/** Every element of the public (API) schema with whether it has a description and who owns it. */
export function describeElements(publicSchemaSdl: string, supergraphSdl: string): SchemaElement[] {
  const { types, members } = ownership(parse(supergraphSdl));
  const elements: SchemaElement[] = [];
  for (const definition of parse(publicSchemaSdl).definitions) {
    if (!isTypeDefinitionNode(definition)) continue;
    const typeName = definition.name.value;
    const typeOwners = types.get(typeName) ?? [];
    elements.push({ coordinate: typeName, documented: hasDescription(definition), owners: typeOwners });
    if ('fields' in definition) {
      for (const field of (definition.fields ?? []) as readonly (
        FieldDefinitionNode | InputValueDefinitionNode
      )[]) {
        if (isInaccessible(field)) continue;
        const coordinate = `${typeName}.${named(field)}`;
        const owners = members.get(coordinate) ?? typeOwners;
        elements.push({ coordinate, documented: hasDescription(field), owners });
        const args = 'arguments' in field ? (field.arguments ?? []) : [];
        for (const argument of args) {
          elements.push({
            coordinate: `${coordinate}(${named(argument)}:)`,
            documented: hasDescription(argument),
            owners,
          });
        }
      }
    }
    if ('values' in definition) {
      for (const value of definition.values ?? []) {
        const coordinate = `${typeName}.${named(value)}`;
        elements.push({
          coordinate,
          documented: hasDescription(value),
          owners: members.get(coordinate) ?? typeOwners,
        });
      }
    }
  }
  return elements;
}
