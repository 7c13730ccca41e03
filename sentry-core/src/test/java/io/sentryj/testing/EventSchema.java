package io.sentryj.testing;

import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates event payloads against Relay's event schema ({@code schema/event.schema.json}, a copy
 * of getsentry/sentry-data-schemas, MIT). The schema is stricter than Relay, so a payload that
 * passes is in canonical form (protocol section 3).
 *
 * <pre>{@code
 * EventSchema.assertValid(serializer.serialize(event));
 * }</pre>
 */
public final class EventSchema {
  /**
   * The schema's {@code uuid} format means an event id; the protocol asks for 32 lowercase hex
   * digits without dashes (protocol rule 5), which the validator's stock RFC 4122 format rejects.
   */
  private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{32}");

  private static final JsonSchema SCHEMA = load();

  private EventSchema() {}

  /** Fails with every violation when {@code eventJson} (UTF-8) is not a valid event payload. */
  public static void assertValid(byte[] eventJson) {
    assertValid(new String(eventJson, StandardCharsets.UTF_8));
  }

  /** Fails with every violation when {@code eventJson} is not a valid event payload. */
  public static void assertValid(String eventJson) {
    List<String> violations = violations(eventJson);
    if (!violations.isEmpty()) {
      fail(
          "event does not match event.schema.json:\n  "
              + String.join("\n  ", violations)
              + "\nevent: "
              + abbreviate(eventJson));
    }
  }

  /** The violations, empty when the payload is valid. */
  public static List<String> violations(String eventJson) {
    Set<ValidationMessage> messages = SCHEMA.validate(eventJson, InputFormat.JSON);
    return messages.stream().map(ValidationMessage::toString).sorted().collect(Collectors.toList());
  }

  private static String abbreviate(String json) {
    return json.length() <= 2000 ? json : json.substring(0, 2000) + "... (" + json.length() + ")";
  }

  private static JsonSchema load() {
    JsonMetaSchema metaSchema =
        JsonMetaSchema.builder(JsonMetaSchema.getV7()).format(new EventIdFormat()).build();
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V7, builder -> builder.metaSchema(metaSchema));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = EventSchema.class.getResourceAsStream("/schema/event.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("schema/event.schema.json is not on the test class path");
      }
      return factory.getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code uuid} format as the protocol's event ids are written. */
  private static final class EventIdFormat implements Format {
    @Override
    public String getName() {
      return "uuid";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
      return EVENT_ID.matcher(value).matches();
    }

    @Override
    public String getMessageKey() {
      return "format";
    }
  }
}
