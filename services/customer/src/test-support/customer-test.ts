// Test support: the customer subgraph on the kit's harness, and the callers the suites share.
import { Role } from '@opsgraph/domain';
import { createServiceHarness, testCaller, type HarnessOptions } from '@opsgraph/service-kit/testing';
import { subgraph } from '../subgraph';

export const ADMIN = testCaller(Role.ADMIN);
export const AGENT = testCaller(Role.AGENT, { employeeId: '7d1e2f3a-4b5c-4d6e-8f90-1a2b3c4d5e6f' });

export const startCustomer = (label: string, options?: HarnessOptions) =>
  createServiceHarness(subgraph, label, options);

export type CustomerHarness = Awaited<ReturnType<typeof startCustomer>>;
