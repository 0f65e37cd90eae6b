// Strimzi's KafkaTopic (kafka.strimzi.io/v1beta2), written from the operator's CRD: no npm package of models
// ships it. Only the fields opsgraph may set; the strict check rejects anything else.
export interface IKafkaTopic {
  apiVersion: 'kafka.strimzi.io/v1beta2';
  kind: 'KafkaTopic';
  metadata: { name: string; namespace?: string; labels: { 'strimzi.io/cluster': string } & Record<string, string> };
  spec: {
    topicName?: string;
    partitions: number;
    replicas: number;
    config?: Record<string, string | number | boolean>;
  };
}
