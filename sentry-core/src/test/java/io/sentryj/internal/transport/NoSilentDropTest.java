package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.sentryj.internal.transport.SentryServer.await;
import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static io.sentryj.internal.transport.TransportFixtures.refusingUrl;
import static io.sentryj.internal.transport.TransportFixtures.storedEnvelopes;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every drop reaches Sentry as a client report, even those that happen where no report can go:
 * counts that cannot be reported before close are written to the outbox and reported by the next
 * start; counts a closed SDK makes are reported by the next SDK in the JVM.
 */
class NoSilentDropTest {
  private final SentryServer server = new SentryServer();
  private final List<DeliveryProcessor> transports = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    for (DeliveryProcessor t : transports) {
      t.close(0);
    }
    server.close();
  }

  private DeliveryProcessor start(TransportConfig c, DiscardRecorder recorder) {
    DeliveryProcessor t = new DeliveryProcessor(c, recorder);
    transports.add(t);
    return t;
  }

  @Test
  void whatAFullOutboxEvictedWhileSentryWasDownIsReportedAtTheNextStart() {
    TransportConfig down = config(refusingUrl(), dir);
    down.outboxMaxItems = 50;
    DiscardRecorder first = new DiscardRecorder(null);
    DeliveryProcessor t = start(down, first);
    for (int i = 0; i < 75; i++) {
      t.send(event());
    }
    await(
        "evicted",
        10_000,
        () -> first.count(DiscardReason.CACHE_OVERFLOW, DataCategory.ERROR) == 25);
    t.close(200);
    assertThat(first.total()).as("the counts went to the outbox").isZero();

    DeliveryProcessor up = start(config(server.url(), dir), new DiscardRecorder(null));
    assertThat(up.flush(20_000)).isTrue();
    assertThat(server.eventIdsAnswered(200)).hasSize(50);
    assertThat(server.clientReports()).containsEntry("cache_overflow/error", 25L);
    assertThat(storedEnvelopes(dir)).isZero();
  }

  @Test
  void dropsWhileEverythingIsRateLimitedAreReportedAtTheNextStart() {
    server.respond(aResponse().withStatus(429).withHeader("Retry-After", "60"));
    DiscardRecorder recorder = new DiscardRecorder(null);
    DeliveryProcessor t = start(config(server.url(), dir), recorder);
    t.send(event());
    await("limited", 10_000, () -> !t.isHealthy());
    for (int i = 0; i < 5; i++) {
      t.send(event());
    }
    await(
        "dropped",
        10_000,
        () -> recorder.count(DiscardReason.RATELIMIT_BACKOFF, DataCategory.ERROR) == 5);
    assertThat(t.flush(5000)).as("dropped and counted is settled").isTrue();
    t.close(500);
    assertThat(server.requests()).as("no report while everything is limited").hasSize(1);

    server.respond(aResponse().withStatus(200));
    DeliveryProcessor next = start(config(server.url(), dir), new DiscardRecorder(null));
    assertThat(next.flush(10_000)).isTrue();
    assertThat(server.clientReports()).containsEntry("ratelimit_backoff/error", 5L);
  }

  @Test
  void dropsAClosedSdkCountsAreReportedByTheNextOneInTheJvm() {
    TransportConfig c = config(server.url(), null);
    c.carryOverDrops = true;
    DiscardRecorder old = new DiscardRecorder(null);
    DeliveryProcessor closed = start(c, old);
    closed.close(1000);
    closed.send(event()); // a capture that raced close: counted after the last report went
    assertThat(old.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.ERROR)).isEqualTo(1);

    TransportConfig next = config(server.url(), null);
    next.carryOverDrops = true;
    DeliveryProcessor running = start(next, new DiscardRecorder(null));
    running.send(event());
    assertThat(running.flush(10_000)).isTrue();
    assertThat(server.clientReports()).containsEntry("queue_overflow/error", 1L);
    assertThat(old.total()).isZero();
  }

  @Test
  void withoutAnOutboxWhatCloseCouldNotDeliverIsReportedByTheNextSdk() {
    TransportConfig down = config(refusingUrl(), null);
    down.carryOverDrops = true;
    DiscardRecorder first = new DiscardRecorder(null);
    DeliveryProcessor t = start(down, first);
    t.send(event());
    t.send(event());
    t.close(300);
    assertThat(first.count(DiscardReason.NETWORK_ERROR, DataCategory.ERROR)).isEqualTo(2);

    TransportConfig up = config(server.url(), null);
    up.carryOverDrops = true;
    DeliveryProcessor next = start(up, new DiscardRecorder(null));
    next.close(5000); // its last report carries the counts of the one before
    assertThat(server.clientReports()).containsEntry("network_error/error", 2L);
  }
}
