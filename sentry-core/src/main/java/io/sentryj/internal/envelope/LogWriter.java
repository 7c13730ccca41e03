package io.sentryj.internal.envelope;

import io.sentryj.EnvelopeItem;
import io.sentryj.SentryId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the payload of a {@code log} item (protocol section 9): {@code {"items":[log, ...]}}, each
 * log with {@code timestamp} (unix seconds), {@code trace_id}, {@code level} ({@code warn}, not
 * {@code warning}: rule 7), {@code severity_number}, {@code body} and typed {@code attributes}.
 *
 * <pre>{@code
 * EnvelopeItem item = LogWriter.item(records, defaults); // item_count and content_type set (rule 8)
 * }</pre>
 */
public final class LogWriter {
  /** The content type Relay requires of a log container. */
  public static final String CONTENT_TYPE = "application/vnd.sentry.items.log+json";

  private LogWriter() {}

  /**
   * A {@code log} envelope item holding the records, with {@code item_count} and {@code
   * content_type} in its header.
   *
   * @param defaults attributes every record carries unless it has its own of that name
   */
  public static EnvelopeItem item(List<Record> records, Map<String, Object> defaults) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("item_count", records.size());
    headers.put("content_type", CONTENT_TYPE);
    return EnvelopeItem.of("log", headers, payload(records, defaults));
  }

  /** The item's JSON payload. */
  public static byte[] payload(List<Record> records, Map<String, Object> defaults) {
    Utf8Buffer buffer = new Utf8Buffer(256 * Math.max(1, records.size()));
    try {
      JsonOut w = new JsonOut(buffer);
      w.beginObject().name("items").beginArray();
      for (Record record : records) {
        write(w, record, defaults);
      }
      w.endArray().endObject();
      w.close();
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable: the buffer has no limit
    }
  }

  private static void write(JsonOut w, Record r, Map<String, Object> defaults) throws IOException {
    w.beginObject();
    w.name("timestamp").jsonValue(BigDecimal.valueOf(r.timestampMillis, 3).toPlainString());
    w.name("trace_id").value(r.traceId.toString());
    if (r.spanId != null) {
      w.name("span_id").value(r.spanId);
    }
    w.name("level").value(r.level.protocolName);
    w.name("severity_number").value(r.level.severityNumber);
    w.name("body").value(r.body);
    w.name("attributes").beginObject();
    for (Map.Entry<String, Object> a : r.attributes.entrySet()) {
      attribute(w, a.getKey(), a.getValue());
    }
    for (Map.Entry<String, Object> a : defaults.entrySet()) {
      if (!r.attributes.containsKey(a.getKey())) {
        attribute(w, a.getKey(), a.getValue());
      }
    }
    w.endObject();
    w.endObject();
  }

  /** {@code "key":{"value":...,"type":"string|boolean|integer|double"}}; no arrays (section 9). */
  private static void attribute(JsonOut w, String key, @Nullable Object value) throws IOException {
    if (value == null) {
      return;
    }
    w.name(key).beginObject();
    if (value instanceof Boolean) {
      w.name("value").value((Boolean) value).name("type").value("boolean");
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      w.name("value").value(((Number) value).longValue()).name("type").value("integer");
    } else if (isFinite(value)) {
      w.name("value").value(((Number) value).doubleValue()).name("type").value("double");
    } else {
      w.name("value").value(String.valueOf(value)).name("type").value("string");
    }
    w.endObject();
  }

  private static boolean isFinite(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return !Double.isNaN(d) && !Double.isInfinite(d);
    }
    return false;
  }

  /** A rough size of the record on the wire, for {@code log_byte} client reports. */
  public static long estimatedBytes(Record record) {
    long size = 120 + record.body.length();
    for (Map.Entry<String, Object> a : record.attributes.entrySet()) {
      size += 30 + a.getKey().length() + String.valueOf(a.getValue()).length();
    }
    return size;
  }

  /** A log's level with its protocol name and the lowest severity number of its range. */
  public enum Level {
    TRACE("trace", 1),
    DEBUG("debug", 5),
    INFO("info", 9),
    WARN("warn", 13),
    ERROR("error", 17),
    FATAL("fatal", 21);

    private final String protocolName;
    private final int severityNumber;

    Level(String protocolName, int severityNumber) {
      this.protocolName = protocolName;
      this.severityNumber = severityNumber;
    }

    /** The level's name in a log, for example {@code "warn"}. */
    public String protocolName() {
      return protocolName;
    }

    /** The lowest {@code severity_number} of the level's range. */
    public int severityNumber() {
      return severityNumber;
    }
  }

  /** The longest body sent, in characters; longer ones are cut. */
  public static final int MAX_BODY_CHARS = 8192;

  /** The longest string attribute sent, in characters; longer ones are cut. */
  public static final int MAX_ATTRIBUTE_CHARS = 2048;

  /**
   * One log, immutable. Attribute values are strings, booleans, whole or decimal numbers. The body
   * and string attributes are cut to {@link #MAX_BODY_CHARS} and {@link #MAX_ATTRIBUTE_CHARS}, so
   * that one log cannot take a whole item's 1 MiB (protocol section 2).
   */
  public static final class Record {
    private final long timestampMillis;
    private final SentryId traceId;
    private final @Nullable String spanId;
    private final Level level;
    private final String body;
    private final Map<String, Object> attributes;

    /** A log record; the attributes are copied. */
    public Record(
        long timestampMillis,
        SentryId traceId,
        @Nullable String spanId,
        Level level,
        String body,
        Map<String, Object> attributes) {
      this.timestampMillis = timestampMillis;
      this.traceId = traceId;
      this.spanId = spanId;
      this.level = level;
      this.body = ValueWriter.truncate(body, MAX_BODY_CHARS);
      this.attributes =
          attributes.isEmpty()
              ? Collections.<String, Object>emptyMap()
              : Collections.unmodifiableMap(cutStrings(attributes));
    }

    private static Map<String, Object> cutStrings(Map<String, Object> attributes) {
      Map<String, Object> copy = new LinkedHashMap<>(attributes);
      for (Map.Entry<String, Object> a : copy.entrySet()) {
        if (a.getValue() instanceof String) {
          a.setValue(ValueWriter.truncate((String) a.getValue(), MAX_ATTRIBUTE_CHARS));
        }
      }
      return copy;
    }

    public long timestampMillis() {
      return timestampMillis;
    }

    public SentryId traceId() {
      return traceId;
    }

    public Level level() {
      return level;
    }

    public String body() {
      return body;
    }

    public Map<String, Object> attributes() {
      return attributes;
    }

    @Override
    public String toString() {
      return "LogWriter.Record{" + level.protocolName + ", " + body + '}';
    }
  }
}
