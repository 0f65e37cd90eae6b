package dev.opsgraph.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The topics a consumer can read: every AsyncAPI channel with a concrete address (the DLQ template is skipped). */
final class Topics {
  private Topics() {}

  static List<String> fromAsyncApi(Path asyncApi, String namespace) throws IOException {
    JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(asyncApi.toFile());
    List<String> topics = new ArrayList<>();
    Iterator<JsonNode> channels = document.path("channels").elements();
    while (channels.hasNext()) {
      String address = channels.next().path("address").asText("");
      if (address.isEmpty() || address.contains("{")) continue;
      topics.add(namespace.isEmpty() ? address : namespace + "." + address);
    }
    if (topics.isEmpty()) throw new IOException("no channel with an address in " + asyncApi);
    return topics;
  }
}
