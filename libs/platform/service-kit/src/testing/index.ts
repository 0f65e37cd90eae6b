export {
  createServiceHarness,
  testCaller,
  TEST_GATEWAY_SECRET,
  type ServiceHarness,
  type HarnessOptions,
} from './service-harness';
export { migrationRoundTrip, type RoundTripResult } from './migration-round-trip';
