package io.sentryj.internal.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.SentryId;
import io.sentryj.protocol.SdkVersion;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.testing.Envelopes;
import io.sentryj.testing.EventSchema;
import io.sentryj.testing.TestEvents;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeWriterTest {
  private static final SentryId ID = TestEvents.EVENT_ID;
  private static final String SENT_AT = "2026-11-24T10:15:31.000Z";

  private final EnvelopeWriter writer = new EnvelopeWriter();

  @Test
  void framesEachItemWithItsLengthInUtf8Bytes() {
    byte[] payload = "{\"m\":\"ü€\uD83D\uDE00\"}".getBytes(UTF_8); // 12 chars, 17 bytes
    Envelope envelope = envelope(EnvelopeItem.of("event", Map.of(), payload));

    byte[] bytes = writer.toByteArray(envelope, SENT_AT);

    assertThat(new String(bytes, UTF_8))
        .isEqualTo(
            "{\"event_id\":\"0123456789abcdef0123456789abcdef\",\"sent_at\":\""
                + SENT_AT
                + "\"}\n"
                + "{\"type\":\"event\",\"length\":17}\n"
                + "{\"m\":\"ü€\uD83D\uDE00\"}\n");
    assertThat(payload).hasSize(17);
  }

  @Test
  void attachmentPayloadMayContainNewlinesAndCarriageReturns() {
    byte[] content = "line 1\nline 2\r\n\n".getBytes(UTF_8);
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("filename", "log.txt");
    headers.put("content_type", "text/plain");
    headers.put("attachment_type", "event.attachment");
    Envelope envelope =
        envelope(
            EnvelopeItem.of("attachment", headers, content),
            EnvelopeItem.of("x", Map.of(), new byte[] {1}));

    byte[] bytes = writer.toByteArray(envelope, null);

    assertThat(new String(bytes, UTF_8))
        .isEqualTo(
            "{\"event_id\":\"0123456789abcdef0123456789abcdef\"}\n"
                + "{\"type\":\"attachment\",\"length\":16,\"filename\":\"log.txt\","
                + "\"content_type\":\"text/plain\",\"attachment_type\":\"event.attachment\"}\n"
                + "line 1\nline 2\r\n\n\n"
                + "{\"type\":\"x\",\"length\":1}\n\u0001\n");
    Envelopes.Parsed parsed = Envelopes.parse(bytes);
    assertThat(parsed.only("attachment").payload()).isEqualTo(content);
  }

  @Test
  void emptyPayloadHasLengthZeroAndStillItsNewline() {
    Envelope envelope = envelope(EnvelopeItem.of("client_report", Map.of(), new byte[0]));

    String text = new String(writer.toByteArray(envelope, null), UTF_8);

    assertThat(text).endsWith("\n{\"type\":\"client_report\",\"length\":0}\n\n");
  }

  @Test
  void envelopeWithoutItemsIsItsHeaderLine() {
    Envelope envelope = new Envelope(null, Map.of(), List.of());

    assertThat(new String(writer.toByteArray(envelope, null), UTF_8)).isEqualTo("{}\n");
  }

  @Test
  void sentAtIsWrittenOnlyWhenGivenAndNeverTwice() {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("sent_at", "1999-01-01T00:00:00Z");
    headers.put("event_id", "ffffffffffffffffffffffffffffffff");
    headers.put("dsn", "https://key@o1.ingest.sentry.io/1");
    Envelope envelope = new Envelope(ID, headers, List.of());

    String stored = new String(writer.toByteArray(envelope, null), UTF_8);
    String sent = new String(writer.toByteArray(envelope, SENT_AT), UTF_8);

    assertThat(stored)
        .isEqualTo(
            "{\"event_id\":\"0123456789abcdef0123456789abcdef\","
                + "\"dsn\":\"https://key@o1.ingest.sentry.io/1\"}\n");
    assertThat(sent)
        .isEqualTo(
            "{\"event_id\":\"0123456789abcdef0123456789abcdef\",\"sent_at\":\""
                + SENT_AT
                + "\",\"dsn\":\"https://key@o1.ingest.sentry.io/1\"}\n");
  }

  @Test
  void sdkAndTraceHeadersAreObjects() {
    Map<String, Object> trace = new LinkedHashMap<>();
    trace.put("trace_id", TestEvents.TRACE_ID.toString());
    trace.put("public_key", "key");
    trace.put("sample_rate", "1");
    Map<String, Object> headers = new LinkedHashMap<>();
    SdkVersion sdk = new SdkVersion("sentryj.java", "0.1.0");
    headers.put("sdk", sdk);
    headers.put("trace", trace);
    Envelope envelope = new Envelope(null, headers, List.of());

    String text = new String(writer.toByteArray(envelope, null), UTF_8);

    assertThat(text)
        .isEqualTo(
            "{\"sdk\":{\"name\":\"sentryj.java\",\"version\":\"0.1.0\"},"
                + "\"trace\":{\"trace_id\":\"fedcba9876543210fedcba9876543210\","
                + "\"public_key\":\"key\",\"sample_rate\":\"1\"}}\n");
  }

  @Test
  void itemHeadersNeverRepeatTypeOrLength() {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("type", "wrong");
    headers.put("length", 999);
    headers.put("item_count", 2);
    Envelope envelope = envelope(EnvelopeItem.of("log", headers, "ab".getBytes(UTF_8)));

    String text = new String(writer.toByteArray(envelope, null), UTF_8);

    assertThat(text).contains("\n{\"type\":\"log\",\"length\":2,\"item_count\":2}\nab\n");
  }

  @Test
  void unreadableItemIsLeftOutAloneAndReported() {
    List<EnvelopeItem> heard = new ArrayList<>();
    List<Exception> causes = new ArrayList<>();
    EnvelopeWriter reporting =
        new EnvelopeWriter(
            (item, cause) -> {
              heard.add(item);
              causes.add(cause);
            });
    EnvelopeItem broken =
        EnvelopeItem.lazy(
            "attachment",
            Map.of("filename", "gone.txt"),
            () -> {
              throw new FileNotFoundException("gone.txt");
            });
    EnvelopeItem event = EnvelopeItem.of("event", Map.of(), "{}".getBytes(UTF_8));
    Envelope envelope = envelope(event, broken);

    byte[] bytes = reporting.toByteArray(envelope, null);

    assertThat(heard).containsExactly(broken);
    assertThat(causes.get(0)).isInstanceOf(FileNotFoundException.class);
    Envelopes.Parsed parsed = Envelopes.parse(bytes);
    assertThat(parsed.items()).extracting(Envelopes.Item::type).containsExactly("event");
  }

  @Test
  void writeReturnsTheDroppedItemsEvenWhenTheListenerThrows() throws IOException {
    EnvelopeWriter throwing =
        new EnvelopeWriter(
            (item, cause) -> {
              throw new IllegalStateException("listener bug");
            });
    EnvelopeItem broken =
        EnvelopeItem.lazy(
            "attachment",
            Map.of(),
            () -> {
              throw new IllegalStateException("serializer bug");
            });

    List<EnvelopeItem> dropped =
        throwing.write(envelope(broken), new java.io.ByteArrayOutputStream(), null);

    assertThat(dropped).containsExactly(broken);
  }

  @Test
  void lazyEventItemIsSerializedAndValid() {
    SentryEvent event = TestEvents.rich();
    EventSerializer serializer = new EventSerializer();
    Envelope envelope =
        new Envelope(
            event.getEventId(),
            Collections.emptyMap(),
            List.of(EnvelopeItem.ofEvent(event, () -> serializer.serialize(event))));

    byte[] bytes = writer.toByteArray(envelope, SENT_AT);

    Envelopes.Parsed parsed = Envelopes.parse(bytes);
    assertThat(parsed.header().get("event_id").getAsString()).isEqualTo(ID.toString());
    Envelopes.Item item = parsed.only("event");
    assertThat(item.header().get("length").getAsInt()).isEqualTo(item.payload().length);
    EventSchema.assertValid(item.payload());
    assertThat(item.json().get("event_id").getAsString()).isEqualTo(ID.toString());
  }

  private static Envelope envelope(EnvelopeItem... items) {
    return new Envelope(ID, Map.of(), List.of(items));
  }
}
