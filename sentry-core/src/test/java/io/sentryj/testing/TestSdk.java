package io.sentryj.testing;

import io.sentryj.Envelope;
import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.internal.envelope.EnvelopeWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SDK as tests of the facade start it (a DSN, no external configuration, no handlers, the given
 * transport), and what it sent, serialized as delivery would and checked by both parsers.
 *
 * <pre>{@code
 * TestSdk.init(transport, o -> o.sendDefaultPii(true));
 * List<byte[]> events = TestSdk.eventPayloads(transport.envelopes());
 * }</pre>
 */
public final class TestSdk {
  private TestSdk() {}

  /** Starts the SDK sending to {@code transport}, with {@code more} options on top. */
  public static void init(Transport transport, Consumer<SentryOptions.Builder> more) {
    Sentry.init(
        o -> {
          o.dsn("https://public@o1.ingest.sentry.io/1")
              .externalConfiguration(false)
              .enableShutdownHook(false)
              .enableUncaughtExceptionHandler(false)
              .transportFactory(x -> transport);
          more.accept(o);
        });
  }

  /**
   * The event payload of each envelope, written by the envelope writer and checked against Relay's
   * schema ({@link EventSchema}) and sentry-rust's types ({@link SentryRustShape}).
   */
  public static List<byte[]> eventPayloads(List<Envelope> envelopes) {
    List<byte[]> payloads = new ArrayList<>();
    EnvelopeWriter writer = new EnvelopeWriter();
    for (Envelope envelope : envelopes) {
      byte[] payload = Envelopes.parse(writer.toByteArray(envelope, null)).only("event").payload();
      EventSchema.assertValid(payload);
      SentryRustShape.assertValid(payload);
      payloads.add(payload);
    }
    return payloads;
  }
}
