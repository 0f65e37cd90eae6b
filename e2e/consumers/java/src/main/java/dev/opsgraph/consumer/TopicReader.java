package dev.opsgraph.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the given topics from the beginning to the end offsets they had when it started. It assigns the partitions
 * itself (no consumer group, nothing committed), so it never disturbs the services' consumers.
 */
final class TopicReader {
  private final String bootstrap;
  private final Duration timeout;

  TopicReader(String bootstrap, Duration timeout) {
    this.bootstrap = bootstrap;
    this.timeout = timeout;
  }

  /** Per topic (in the given order) its tally; `unfinished` lists topics not read to their end in time. */
  record Result(Map<String, Tally> tallies, List<String> unfinished) {}

  Result readAll(List<String> topics, EventValidator validator) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "opsgraph-java-consumer");

    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (String topic : topics) tallies.put(topic, new Tally());
    long deadline = System.nanoTime() + timeout.toNanos();

    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Map<String, List<PartitionInfo>> existing = consumer.listTopics(timeout);
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        List<PartitionInfo> infos = existing.get(topic);
        if (infos == null) {
          tallies.get(topic).faults.add("topic does not exist");
          continue;
        }
        for (PartitionInfo info : infos) partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> remaining = new HashMap<>();
      for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions, timeout).entrySet()) {
        if (consumer.position(end.getKey(), timeout) < end.getValue()) remaining.put(end.getKey(), end.getValue());
      }
      while (!remaining.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          Tally tally = tallies.get(record.topic());
          tally.messages++;
          for (String fault :
              validator.validate(header(record, "event-type"), header(record, "event-version"), record.value())) {
            tally.faults.add(record.partition() + "@" + record.offset() + " " + fault);
          }
        }
        remaining.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
      }
      List<String> unfinished =
          remaining.keySet().stream().map(TopicPartition::topic).distinct().sorted().toList();
      return new Result(tallies, unfinished);
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
