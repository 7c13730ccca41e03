package io.sentryj;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.internal.envelope.EnvelopeParser;
import io.sentryj.internal.envelope.ParsedEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A custom transport can turn an envelope into what Sentry's envelope endpoint takes. */
class EnvelopeBytesTest {
  private static final SentryId ID = SentryId.parse("0123456789abcdef0123456789abcdef");

  private static Envelope envelope() {
    EnvelopeItem event =
        EnvelopeItem.of("event", Collections.emptyMap(), "{\"a\":1}".getBytes(UTF_8));
    EnvelopeItem broken =
        EnvelopeItem.lazy(
            "attachment",
            Collections.emptyMap(),
            () -> {
              throw new IOException("file gone");
            });
    EnvelopeItem log = EnvelopeItem.of("log", Collections.emptyMap(), "{}".getBytes(UTF_8));
    return new Envelope(
        ID, Collections.singletonMap("dsn", "https://k@h/1"), List.of(event, broken, log));
  }

  @Test
  void writeToFramesTheEnvelopeWithSentAtAndLeavesOutAnItemThatCannotBeMade() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    envelope().writeTo(out);

    ParsedEnvelope parsed = EnvelopeParser.parse(out.toByteArray());
    assertThat(parsed.eventId()).isEqualTo(ID);
    assertThat(parsed.sentAt()).isNotNull().matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(parsed.envelope().headers()).containsEntry("dsn", "https://k@h/1");
    assertThat(parsed.envelope().items())
        .extracting(EnvelopeItem::type)
        .containsExactly("event", "log");
    assertThat(new String(parsed.envelope().items().get(0).payload(), UTF_8))
        .isEqualTo("{\"a\":1}");
  }

  @Test
  void toByteArrayWritesTheSameFraming() throws IOException {
    byte[] bytes = envelope().toByteArray();

    String text = new String(bytes, UTF_8);
    assertThat(text.split("\n", -1)[0]).startsWith("{\"event_id\":\"" + ID + "\",\"sent_at\":");
    assertThat(Arrays.asList(text.split("\n", -1)))
        .contains("{\"type\":\"event\",\"length\":7}", "{\"a\":1}");
    assertThat(EnvelopeParser.parse(bytes).envelope().items()).hasSize(2);
  }

  @Test
  void theNoopTransportAcceptsEverythingAndDeliversNothing() {
    Transport noop = Transport.noop();

    noop.send(envelope());

    assertThat(noop.flush(0)).isTrue();
    assertThat(noop.isHealthy()).isTrue();
    noop.close(0);
    assertThat(Transport.noop()).isSameAs(noop);
  }
}
