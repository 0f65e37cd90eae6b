export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export const idOf = (object: Pick<ManifestObject, 'kind' | 'metadata'>) => `${object.kind}/${object.metadata.name}`;

/** The one deployable that accepts traffic from outside the namespace. */
export const GATEWAY_NAME = 'gateway';
