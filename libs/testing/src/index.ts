export { testKafkaBrokers, testPostgresAdminUrl } from './environment';
export { createTestDatabase, TestDatabase } from './test-database';
export { createTestKafka, TestKafka } from './test-kafka';
export { testDatabaseName, testNamespace } from './naming';
export { waitFor } from './wait-for';
export {
  callerHeaders,
  createSubgraphClient,
  type GraphQLResult,
  type SubgraphClient,
  type TestCaller,
} from './subgraph-client';
export { createEventPublisher, waitForGroupCaughtUp } from './event-topics';
export { eventsOf } from './topic-events';
export {
  KNOWLEDGE_DEMO_ARTICLES,
  KNOWLEDGE_SEARCH_JUDGEMENTS,
  KNOWLEDGE_SEARCH_SIMPLIFIED_JUDGEMENTS,
  type DemoKnowledgeArticle,
  type SearchJudgement,
} from './demo/knowledge-corpus';
