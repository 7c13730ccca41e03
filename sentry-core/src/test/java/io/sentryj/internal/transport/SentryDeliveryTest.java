package io.sentryj.internal.transport;

import static io.sentryj.internal.transport.SentryServer.await;
import static io.sentryj.internal.transport.TransportFixtures.envelopeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.sentryj.Sentry;
import io.sentryj.SentryId;
import io.sentryj.testing.Envelopes;
import io.sentryj.testing.EventSchema;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's default transports, set up by {@code Sentry.init}. */
class SentryDeliveryTest {
  private final SentryServer server = new SentryServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    Sentry.close();
    server.close();
  }

  @Test
  void initSendsThroughTheHttpTransportByDefault() {
    Sentry.init(
        o ->
            o.dsn(server.dsn())
                .outboxDir(dir.toString())
                .externalConfiguration(false)
                .enableShutdownHook(false));
    SentryId id = Sentry.captureException(new IllegalStateException("over the wire"));
    assertThat(Sentry.flush(5000)).isTrue();

    Envelopes.Parsed envelope = server.envelopes().get(0);
    assertThat(envelope.header().get("event_id").getAsString()).isEqualTo(id.toString());
    byte[] payload = envelope.only("event").payload();
    EventSchema.assertValid(payload);
    JsonObject event = envelope.only("event").json();
    assertThat(event.toString()).contains("over the wire");
  }

  @Test
  void pipelineAndTransportDropsReachTheClientReportsAndTheListener() {
    Map<String, Long> heard = new ConcurrentHashMap<>();
    Sentry.init(
        o ->
            o.dsn(server.dsn())
                .outboxDir(dir.toString())
                .externalConfiguration(false)
                .enableShutdownHook(false)
                .beforeSend((event, hint) -> null)
                .discardListener(
                    (reason, category, n) ->
                        heard.merge(
                            reason.protocolName() + "/" + category.protocolName(), n, Long::sum)));
    Sentry.captureMessage("dropped by beforeSend");
    Sentry.close(); // the report goes at close

    assertThat(server.clientReports()).containsEntry("before_send/error", 1L);
    assertThat(heard).containsEntry("before_send/error", 1L);
  }

  @Test
  void outboxOnlyStartsWithoutADsnAndSendsNothing() {
    Sentry.init(
        o ->
            o.outboxOnly(true)
                .outboxDir(dir.toString())
                .externalConfiguration(false)
                .enableShutdownHook(false));
    assertThat(Sentry.isEnabled()).isTrue();
    Sentry.captureMessage("for a later upload");
    assertThat(Sentry.flush(5000)).isTrue();
    assertThat(envelopeFiles(dir)).hasSize(1);
    Sentry.close();
    assertThat(envelopeFiles(dir)).hasSize(1); // kept
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void spotlightAloneStartsTheSdkAndGetsEveryEnvelopeUncompressed() {
    Sentry.init(
        o ->
            o.spotlight(true)
                .spotlightUrl(server.url())
                .externalConfiguration(false)
                .enableShutdownHook(false));
    assertThat(Sentry.isEnabled()).isTrue();
    SentryId id = Sentry.captureMessage("to spotlight");
    await("spotlight got it", 5000, () -> server.requests().size() == 1);
    assertThat(server.requests().get(0).getHeader("Content-Encoding")).isNull();
    assertThat(server.requests().get(0).getHeader("X-Sentry-Auth")).isNull();
    assertThat(server.envelopes().get(0).header().get("event_id").getAsString())
        .isEqualTo(id.toString());
  }

  @Test
  void spotlightBesideTheDsnGetsACopy() {
    try (SentryServer spotlight = new SentryServer()) {
      Sentry.init(
          o ->
              o.dsn(server.dsn())
                  .outboxDir(dir.toString())
                  .spotlight(true)
                  .spotlightUrl(spotlight.url())
                  .externalConfiguration(false)
                  .enableShutdownHook(false));
      Sentry.captureMessage("to both");
      assertThat(Sentry.flush(5000)).isTrue();
      assertThat(server.eventIds()).hasSize(1);
      assertThat(spotlight.eventIds()).isEqualTo(server.eventIds());
    }
  }

  @Test
  void anUnwritableOutboxFallsBackToMemory() throws Exception {
    Path file = dir.resolve("a-file");
    java.nio.file.Files.write(file, new byte[] {1});
    AtomicLong drops = new AtomicLong();
    Sentry.init(
        o ->
            o.dsn(server.dsn())
                .outboxDir(file.resolve("sub").toString()) // under a file: cannot be made
                .externalConfiguration(false)
                .enableShutdownHook(false)
                .discardListener((r, c, n) -> drops.addAndGet(n)));
    Sentry.captureMessage("still delivered");
    assertThat(Sentry.flush(5000)).isTrue();
    assertThat(server.eventIds()).hasSize(1);
    assertThat(drops.get()).isZero();
  }
}
