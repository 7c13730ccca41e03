package io.sentryj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventSchemaTest {
  private static final String MINIMAL =
      "{\"event_id\":\"0123456789abcdef0123456789abcdef\","
          + "\"timestamp\":\"2026-11-24T10:15:30.123Z\",\"platform\":\"java\"}";

  @Test
  void acceptsAMinimalEventWithA32HexId() {
    EventSchema.assertValid(MINIMAL);
  }

  @Test
  void rejectsEventIdsThatAreNot32LowercaseHexDigits() {
    String dashed =
        MINIMAL.replace("0123456789abcdef0123456789abcdef", "01234567-89ab-cdef-0123-456789abcdef");
    String upper =
        MINIMAL.replace("0123456789abcdef0123456789abcdef", "0123456789ABCDEF0123456789ABCDEF");

    assertThat(EventSchema.violations(dashed)).isNotEmpty();
    assertThat(EventSchema.violations(upper)).isNotEmpty();
  }

  @Test
  void rejectsUnknownTopLevelKeysAndNamesThem() {
    String withLegacyMessage = MINIMAL.replace("}", ",\"message\":{\"formatted\":\"x\"}}");

    assertThatThrownBy(() -> EventSchema.assertValid(withLegacyMessage))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("message");
  }

  @Test
  void rejectsWrongTypesInsideNestedObjects() {
    String badLevel = MINIMAL.replace("}", ",\"level\":\"warn\"}");
    String badFrames =
        MINIMAL.replace(
            "}",
            ",\"exception\":{\"values\":[{\"type\":\"E\",\"stacktrace\":{\"frames\":[],"
                + "\"frames_omitted\":[1,2]}}]}}");

    assertThat(EventSchema.violations(badLevel)).isNotEmpty();
    assertThat(EventSchema.violations(badFrames)).isNotEmpty();
  }
}
