export {
  loadServicesManifest,
  localSubgraphUrl,
  parseServicesManifest,
  serviceDefaults,
  SERVICES_MANIFEST_PATH,
  ServicesManifestError,
  subgraphOf,
  subgraphUrlVariable,
  type ServiceDefaults,
  type ServicesManifest,
  type SubgraphManifestEntry,
} from './services-manifest';
