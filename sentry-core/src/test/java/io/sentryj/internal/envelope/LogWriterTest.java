package io.sentryj.internal.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.SentryId;
import io.sentryj.testing.Envelopes;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogWriterTest {
  private static final SentryId TRACE = SentryId.random();

  @Test
  void logItemIsFramedWithItemCountAndContentType() {
    List<LogWriter.Record> records =
        Arrays.asList(record(LogWriter.Level.INFO, "one"), record(LogWriter.Level.ERROR, "two"));

    Envelopes.Item item = writtenItem(LogWriter.item(records, Collections.emptyMap()));

    assertThat(item.type()).isEqualTo("log");
    assertThat(item.header().get("item_count").getAsInt()).isEqualTo(2);
    assertThat(item.header().get("content_type").getAsString())
        .isEqualTo("application/vnd.sentry.items.log+json");
    assertThat(item.header().get("length").getAsInt()).isEqualTo(item.payload().length);
    assertThat(item.json().getAsJsonArray("items")).hasSize(2);
  }

  @Test
  void logCarriesTimestampInSecondsTraceLevelSeverityAndBody() {
    LogWriter.Record r =
        new LogWriter.Record(
            1_700_000_000_123L,
            TRACE,
            null,
            LogWriter.Level.WARN,
            "disk low",
            Collections.emptyMap());

    JsonObject log = onlyLog(r, Collections.emptyMap());

    assertThat(log.get("timestamp").getAsBigDecimal()).isEqualByComparingTo("1700000000.123");
    assertThat(log.get("timestamp").toString()).isEqualTo("1700000000.123");
    assertThat(log.get("trace_id").getAsString()).isEqualTo(TRACE.toString()).hasSize(32);
    assertThat(log.get("level").getAsString()).isEqualTo("warn");
    assertThat(log.get("severity_number").getAsInt()).isEqualTo(13);
    assertThat(log.get("body").getAsString()).isEqualTo("disk low");
  }

  @Test
  void longBodiesAndStringAttributesAreCut() {
    StringBuilder huge = new StringBuilder();
    while (huge.length() < 1_000_000) {
      huge.append("abcdefghij");
    }
    LogWriter.Record r =
        record(
            LogWriter.Level.INFO,
            huge.toString(),
            Collections.<String, Object>singletonMap("p", huge.toString()));
    assertThat(r.body()).hasSizeLessThanOrEqualTo(LogWriter.MAX_BODY_CHARS);
    assertThat((String) r.attributes().get("p"))
        .hasSizeLessThanOrEqualTo(LogWriter.MAX_ATTRIBUTE_CHARS);
  }

  @Test
  void severityNumbersAreTheLowestOfEachRange() {
    assertThat(LogWriter.Level.values())
        .extracting(LogWriter.Level::severityNumber)
        .containsExactly(1, 5, 9, 13, 17, 21);
    assertThat(LogWriter.Level.values())
        .extracting(LogWriter.Level::protocolName)
        .containsExactly("trace", "debug", "info", "warn", "error", "fatal");
  }

  @Test
  void attributesAreTypedAndDefaultsDoNotOverrideTheLogsOwn() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("s", "text");
    attributes.put("b", true);
    attributes.put("i", 42);
    attributes.put("l", 7L);
    attributes.put("d", 1.5);
    attributes.put("nan", Double.NaN);
    attributes.put(
        "o",
        new Object() {
          @Override
          public String toString() {
            return "obj";
          }
        });
    attributes.put("sentry.environment", "own");
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("sentry.environment", "production");
    defaults.put("sentry.sdk.name", "sentryj.java");

    JsonObject attrs =
        onlyLog(record(LogWriter.Level.INFO, "x", attributes), defaults)
            .getAsJsonObject("attributes");

    assertThat(typed(attrs, "s")).isEqualTo("\"text\"/string");
    assertThat(typed(attrs, "b")).isEqualTo("true/boolean");
    assertThat(typed(attrs, "i")).isEqualTo("42/integer");
    assertThat(typed(attrs, "l")).isEqualTo("7/integer");
    assertThat(typed(attrs, "d")).isEqualTo("1.5/double");
    assertThat(typed(attrs, "nan")).isEqualTo("\"NaN\"/string");
    assertThat(typed(attrs, "o")).isEqualTo("\"obj\"/string");
    assertThat(typed(attrs, "sentry.environment")).isEqualTo("\"own\"/string");
    assertThat(typed(attrs, "sentry.sdk.name")).isEqualTo("\"sentryj.java\"/string");
  }

  private static String typed(JsonObject attrs, String key) {
    JsonObject a = attrs.getAsJsonObject(key);
    return a.get("value") + "/" + a.get("type").getAsString();
  }

  private static JsonObject onlyLog(LogWriter.Record r, Map<String, Object> defaults) {
    JsonArray items =
        writtenItem(LogWriter.item(Collections.singletonList(r), defaults))
            .json()
            .getAsJsonArray("items");
    assertThat(items).hasSize(1);
    return items.get(0).getAsJsonObject();
  }

  static Envelopes.Item writtenItem(EnvelopeItem item) {
    Envelope envelope = new Envelope(null, Collections.emptyMap(), Collections.singletonList(item));
    return Envelopes.parse(new EnvelopeWriter().toByteArray(envelope, null)).only("log");
  }

  static LogWriter.Record record(LogWriter.Level level, String body) {
    return record(level, body, Collections.emptyMap());
  }

  static LogWriter.Record record(LogWriter.Level level, String body, Map<String, Object> attrs) {
    return new LogWriter.Record(System.currentTimeMillis(), TRACE, null, level, body, attrs);
  }
}
