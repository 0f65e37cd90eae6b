import './tracing';
import { runSubgraph } from '@opsgraph/service-kit';
import { subgraph } from './subgraph';

runSubgraph(subgraph);
