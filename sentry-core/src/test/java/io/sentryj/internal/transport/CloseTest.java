package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.sentryj.internal.transport.SentryServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code close} returns, no thread that the SDK or its HTTP client started for it is alive:
 * not ours ({@code sentryj-*}), not OkHttp's task runner, not Okio's watchdog. Judged by listing
 * the JVM's threads before and right after, in this JVM.
 */
class CloseTest {
  private final SentryServer server = new SentryServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    Sentry.close();
    server.close();
  }

  @Test
  void afterDeliveringOverKeptAliveConnectionsNoThreadIsLeft() {
    Set<Thread> before = threads();
    start(o -> o.dsn(server.dsn()));
    for (int i = 0; i < 50; i++) {
      Sentry.captureException(new IllegalStateException("event " + i));
    }
    assertThat(Sentry.flush(20_000)).isTrue();
    assertThat(started(before)).as("threads while running").isNotEmpty();
    Sentry.close();
    assertThat(started(before)).as("threads left after close").isEmpty();
    assertThat(server.eventIds()).hasSize(50);
  }

  @Test
  void closingWhileRequestsHangCancelsThemAndLeavesNoThread() {
    server.respond(aResponse().withStatus(200).withFixedDelay(20_000));
    Set<Thread> before = threads();
    start(o -> o.dsn(server.dsn()).readTimeoutMillis(30_000).shutdownTimeoutMillis(300));
    for (int i = 0; i < 10; i++) {
      Sentry.captureException(new IllegalStateException("event " + i));
    }
    await("requests on the wire", 10_000, () -> server.requests().size() >= 4);
    long start = System.nanoTime();
    Sentry.close();
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(started(before)).as("threads left after close").isEmpty();
    assertThat(took).as("close within its timeout and the grace for threads").isLessThan(10_000);
  }

  @Test
  void withoutAServerMemoryOnlyOutboxOnlyAndSpotlightLeaveNoThread() {
    Set<Thread> before = threads();
    String down = ForkedJvmDeliveryTest.dsnOf(TransportFixtures.refusingUrl());
    List<Consumer<SentryOptions.Builder>> configurations = new ArrayList<>();
    configurations.add(o -> o.dsn(down).shutdownTimeoutMillis(200));
    configurations.add(o -> o.dsn(down).enableOutbox(false).shutdownTimeoutMillis(200));
    configurations.add(o -> o.outboxOnly(true));
    configurations.add(
        o -> o.dsn(server.dsn()).spotlight(true).spotlightUrl(TransportFixtures.refusingUrl()));
    for (Consumer<SentryOptions.Builder> c : configurations) {
      start(c);
      Sentry.captureMessage("one");
      Sentry.close();
      assertThat(started(before)).as("threads left after close").isEmpty();
    }
  }

  @Test
  void tenStartsAndClosesLeaveNoThread() {
    Set<Thread> before = threads();
    for (int i = 0; i < 10; i++) {
      start(o -> o.dsn(server.dsn()));
      Sentry.captureMessage("start " + i);
      Sentry.flush(10_000);
      Sentry.close();
    }
    assertThat(started(before)).as("threads left after ten closes").isEmpty();
    assertThat(server.eventIds()).hasSize(10);
  }

  private void start(Consumer<SentryOptions.Builder> configuration) {
    Sentry.init(
        o -> {
          o.outboxDir(dir.toString())
              .externalConfiguration(false)
              .enableShutdownHook(false)
              .serverName("close-test");
          configuration.accept(o);
        });
  }

  private static Set<Thread> threads() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  /** The SDK's and its libraries' threads alive now that were not in {@code before}. */
  private static List<String> started(Set<Thread> before) {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      String name = t.getName();
      boolean ours =
          name.startsWith("sentryj") || name.startsWith("OkHttp") || name.startsWith("Okio");
      if (ours && t.isAlive() && !before.contains(t)) {
        names.add(name);
      }
    }
    return names;
  }
}
