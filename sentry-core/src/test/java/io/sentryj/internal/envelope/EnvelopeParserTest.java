package io.sentryj.internal.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.protocol.SdkVersion;
import io.sentryj.testing.TestEvents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeParserTest {
  private static final String SENT_AT = "2026-11-24T10:15:31.000Z";

  @Test
  void readsBackWhatTheWriterWrote() throws IOException {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("dsn", "https://key@o1.ingest.sentry.io/1");
    headers.put("sdk", new SdkVersion("sentryj.java", "0.1.0"));
    headers.put("trace", Map.of("trace_id", TestEvents.TRACE_ID.toString()));
    Map<String, Object> attachmentHeaders = new LinkedHashMap<>();
    attachmentHeaders.put("filename", "a.bin");
    attachmentHeaders.put("attachment_type", "event.attachment");
    attachmentHeaders.put("item_count", 3);
    byte[] binary = {0, '\n', (byte) 0xFF, '\r', '\n'};
    Envelope written =
        new Envelope(
            TestEvents.EVENT_ID,
            headers,
            List.of(
                EnvelopeItem.of("event", Map.of(), "{\"a\":\"é\"}".getBytes(UTF_8)),
                EnvelopeItem.of("attachment", attachmentHeaders, binary),
                EnvelopeItem.of("something_new", Map.of(), new byte[0])));
    byte[] bytes = new EnvelopeWriter().toByteArray(written, SENT_AT);

    ParsedEnvelope parsed = EnvelopeParser.parse(bytes);

    assertThat(parsed.eventId()).isEqualTo(TestEvents.EVENT_ID);
    assertThat(parsed.sentAt()).isEqualTo(SENT_AT);
    Envelope read = parsed.envelope();
    assertThat(read.headers().keySet()).containsExactly("dsn", "sdk", "trace");
    assertThat(read.headers().get("sdk"))
        .isEqualTo(Map.of("name", "sentryj.java", "version", "0.1.0"));
    assertThat(read.items())
        .extracting(EnvelopeItem::type)
        .containsExactly("event", "attachment", "something_new");
    assertThat(read.items().get(0).payload()).isEqualTo("{\"a\":\"é\"}".getBytes(UTF_8));
    assertThat(read.items().get(1).payload()).isEqualTo(binary);
    assertThat(read.items().get(1).headers())
        .containsExactly(
            Map.entry("filename", "a.bin"),
            Map.entry("attachment_type", "event.attachment"),
            Map.entry("item_count", 3L));
    assertThat(read.items().get(2).payload()).isEmpty();
    // Written again without sent_at, it is the same envelope as stored.
    assertThat(new EnvelopeWriter().toByteArray(read, SENT_AT)).isEqualTo(bytes);
  }

  @Test
  void itemsWithoutLengthRunToTheNextNewlineOrTheEnd() throws IOException {
    String text =
        "{}\n{\"type\":\"a\"}\nfirst\r\n{\"type\":\"b\",\"length\":2}\nxy\n{\"type\":\"c\"}\nlast";

    Envelope envelope = EnvelopeParser.parse(text.getBytes(UTF_8)).envelope();

    assertThat(envelope.eventId()).isNull();
    assertThat(envelope.items()).hasSize(3);
    assertThat(envelope.items().get(0).payload()).isEqualTo("first\r".getBytes(UTF_8));
    assertThat(envelope.items().get(1).payload()).isEqualTo("xy".getBytes(UTF_8));
    assertThat(envelope.items().get(2).payload()).isEqualTo("last".getBytes(UTF_8));
  }

  @Test
  void headerOnlyEnvelopesAreValidWithOrWithoutTrailingNewline() throws IOException {
    assertThat(EnvelopeParser.parse("{}".getBytes(UTF_8)).envelope().items()).isEmpty();
    assertThat(EnvelopeParser.parse("{}\n".getBytes(UTF_8)).envelope().items()).isEmpty();
  }

  @Test
  void itemHeaderAtTheEndWithoutPayloadHasAnEmptyPayload() throws IOException {
    Envelope envelope =
        EnvelopeParser.parse("{}\n{\"type\":\"a\",\"length\":0}".getBytes(UTF_8)).envelope();

    assertThat(envelope.items().get(0).payload()).isEmpty();
  }

  @Test
  void readsFromAStream() throws IOException {
    byte[] bytes = "{\"event_id\":\"0123456789abcdef0123456789abcdef\"}\n".getBytes(UTF_8);

    ParsedEnvelope parsed = EnvelopeParser.parse(new ByteArrayInputStream(bytes));

    assertThat(parsed.eventId()).isEqualTo(TestEvents.EVENT_ID);
    assertThat(parsed.sentAt()).isNull();
  }

  @Test
  void lengthPastTheEndIsAnError() {
    assertMalformed("{}\n{\"type\":\"a\",\"length\":10}\nshort\n", "runs past the end");
  }

  @Test
  void byteAfterALengthPrefixedPayloadMustBeANewline() {
    assertMalformed("{}\n{\"type\":\"a\",\"length\":2}\nabc\n", "not followed by a newline");
  }

  @Test
  void duplicateHeaderKeysAreAnError() {
    assertMalformed(
        "{\"sent_at\":\"2026-01-01T00:00:00Z\",\"sent_at\":\"2026-01-01T00:00:00Z\"}\n",
        "appears twice");
  }

  @Test
  void headersMustBeSingleJsonObjects() {
    assertMalformed("", "not valid JSON");
    assertMalformed("[]\n", "not a JSON object");
    assertMalformed("{} {}\n", "not valid JSON");
    assertMalformed("{}\n\n", "not valid JSON");
    assertMalformed("{}\n{'type':'a'}\nx\n", "not valid JSON");
  }

  @Test
  void itemsNeedAStringTypeAndAValidLength() {
    assertMalformed("{}\n{\"length\":0}\n\n", "\"type\"");
    assertMalformed("{}\n{\"type\":\"a\",\"length\":-1}\n\n", "non-negative integer");
    assertMalformed("{}\n{\"type\":\"a\",\"length\":1.5}\nx\n", "non-negative integer");
  }

  @Test
  void badEventIdIsAnError() {
    assertMalformed("{\"event_id\":\"nope\"}\n", "bad event_id");
  }

  @Test
  void errorsSayWhere() {
    byte[] bytes = "{}\n{\"type\":\"a\",\"length\":2}\nabc\n".getBytes(UTF_8);

    assertThatThrownBy(() -> EnvelopeParser.parse(bytes))
        .isInstanceOfSatisfying(
            EnvelopeFormatException.class, e -> assertThat(e.offset()).isEqualTo(29));
  }

  private static void assertMalformed(String envelope, String message) {
    assertThatThrownBy(() -> EnvelopeParser.parse(envelope.getBytes(UTF_8)))
        .isInstanceOf(EnvelopeFormatException.class)
        .hasMessageContaining(message);
  }
}
