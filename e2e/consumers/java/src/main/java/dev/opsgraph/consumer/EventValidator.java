package dev.opsgraph.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates one message against the published schema of its event type: {@code schemas/<type>.v<version>.json}, the
 * type and version read from the {@code event-type}/{@code event-version} headers and checked against the envelope.
 */
final class EventValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path schemas;
  private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private final Map<String, Optional<JsonSchema>> cache = new HashMap<>();

  EventValidator(Path schemas) {
    this.schemas = schemas;
  }

  /** The faults of one message; empty when it is valid. */
  List<String> validate(String headerType, String headerVersion, byte[] value) {
    if (headerType == null || headerVersion == null) return List.of("missing event-type or event-version header");
    JsonNode event;
    try {
      event = JSON.readTree(value == null ? new byte[0] : value);
    } catch (IOException error) {
      return List.of("value is not JSON: " + error.getMessage());
    }
    if (event == null || !event.isObject()) return List.of("value is not a JSON object");
    String type = event.path("type").asText();
    String version = event.path("version").asText();
    if (!headerType.equals(type) || !headerVersion.equals(version)) {
      return List.of(
          "headers say " + headerType + " v" + headerVersion + " but the envelope says " + type + " v" + version);
    }
    Optional<JsonSchema> schema = cache.computeIfAbsent(type + ".v" + version, this::load);
    if (schema.isEmpty()) return List.of("no published schema for " + type + " v" + version);
    Set<ValidationMessage> errors = schema.get().validate(event);
    return errors.stream().map(error -> type + " v" + version + ": " + error.getMessage()).collect(Collectors.toList());
  }

  private Optional<JsonSchema> load(String name) {
    Path file = schemas.resolve(name + ".json");
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      return Optional.of(factory.getSchema(Files.readString(file, StandardCharsets.UTF_8), config));
    } catch (IOException error) {
      throw new IllegalStateException("cannot read " + file, error);
    }
  }
}
