// The contracts' testing entry point (`@opsgraph/contracts-events/testing`): sample data and event builders for tests.
export * from './event-samples';
export * from './ticket-snapshot';
export * from './ticket-story';
