package dev.opsgraph.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads every opsgraph topic from the beginning up to its end offsets at start and validates each message against
 * the published JSON Schema of its event type. Prints {@code <topic>: messages: N, faults: F} per topic and a total;
 * exits 1 on any fault (or when a topic could not be read to its end within the time bound), 2 on bad arguments.
 *
 * <pre>
 * java -jar target/opsgraph-java-consumer.jar --bootstrap 127.0.0.1:9092 [--namespace ns] [--events docs/events]
 *      [--timeout-seconds 60]
 * </pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException error) {
      System.err.println(error.getMessage());
      System.exit(2);
      return;
    }
    List<String> topics = Topics.fromAsyncApi(options.events.resolve("asyncapi.yaml"), options.namespace);
    EventValidator validator = new EventValidator(options.events.resolve("schemas"));
    TopicReader.Result result =
        new TopicReader(options.bootstrap, Duration.ofSeconds(options.timeoutSeconds)).readAll(topics, validator);

    long messages = 0;
    long faults = 0;
    for (Map.Entry<String, Tally> entry : result.tallies().entrySet()) {
      Tally tally = entry.getValue();
      messages += tally.messages;
      faults += tally.faults.size();
      System.out.printf("%s: messages: %d, faults: %d%n", entry.getKey(), tally.messages, tally.faults.size());
      for (String fault : tally.faults.subList(0, Math.min(tally.faults.size(), 5))) {
        System.out.printf("  fault: %s%n", fault);
      }
    }
    System.out.printf("total: messages: %d, faults: %d%n", messages, faults);
    for (String topic : result.unfinished()) {
      System.out.printf("unfinished: %s was not read to its end within %d s%n", topic, options.timeoutSeconds);
    }
    System.out.printf("took: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    System.exit(faults == 0 && result.unfinished().isEmpty() ? 0 : 1);
  }

  /** Command-line options. */
  record Options(String bootstrap, String namespace, Path events, long timeoutSeconds) {
    static Options parse(String[] args) {
      String bootstrap = "127.0.0.1:9092";
      String namespace = "";
      Path events = Path.of("docs", "events");
      long timeoutSeconds = 60;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + name);
        String value = args[++i];
        switch (name) {
          case "--bootstrap" -> bootstrap = value;
          case "--namespace" -> namespace = value;
          case "--events" -> events = Path.of(value);
          case "--timeout-seconds" -> timeoutSeconds = Long.parseLong(value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      return new Options(bootstrap, namespace, events, timeoutSeconds);
    }
  }
}
