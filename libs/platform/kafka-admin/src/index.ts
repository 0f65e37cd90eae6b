export {
  createTopicsAndWait,
  notYetPropagated,
  retryWhileNotPropagated,
  waitForTopicLeaders,
  type TopicMetadata,
  type TopicWaitOptions,
} from './topic-readiness';
