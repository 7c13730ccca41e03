package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.Sentry;
import io.sentryj.SentryId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 16 threads capture as fast as they can for 5 s against a server that takes 4 s per request:
 * memory stays bounded, no caller waits for the server, and every capture is delivered, counted as
 * dropped, or left in the outbox.
 */
class FloodTest {
  private static final int THREADS = 16;
  private static final long RUN_MILLIS = 5_000;
  private static final int SERVER_DELAY_MILLIS = 4_000;

  private final SentryServer server = new SentryServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    Sentry.close();
    server.close();
  }

  @Test
  void aFloodAgainstASlowServerStaysBoundedAndIsAccountedFor() throws Exception {
    server.respond(aResponse().withStatus(200).withFixedDelay(SERVER_DELAY_MILLIS));
    AtomicLong dropped = new AtomicLong();
    Sentry.init(
        o ->
            o.dsn(server.dsn())
                .outboxDir(dir.toString())
                .readTimeoutMillis(SERVER_DELAY_MILLIS * 3L)
                .externalConfiguration(false)
                .enableShutdownHook(false)
                .enableDeduplication(false)
                .serverName("flood") // no wait for the first host-name lookup
                .discardListener(
                    (reason, category, n) -> {
                      if (category == DataCategory.ERROR) {
                        dropped.addAndGet(n);
                      }
                    }));

    AtomicLong captured = new AtomicLong();
    AtomicLong slowest = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong peakHeap = new AtomicLong();
    CountDownLatch done = new CountDownLatch(THREADS);
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  RuntimeException error = new IllegalStateException("flood");
                  while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    SentryId id = Sentry.captureException(error);
                    slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                    if (!id.isEmpty()) {
                      captured.incrementAndGet();
                    }
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                } finally {
                  done.countDown();
                }
              },
              "flood-" + i);
      threads.add(t);
      t.start();
    }
    Runtime rt = Runtime.getRuntime();
    while (!done.await(50, TimeUnit.MILLISECONDS)) {
      peakHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
    }
    Sentry.close(); // what is not sent stays in the outbox

    assertThat(failure.get()).isNull(); // no OutOfMemoryError, no exception into the caller
    // a caller that waited for the server would have waited at least its 4 s
    assertThat(TimeUnit.NANOSECONDS.toMillis(slowest.get())).isLessThan(SERVER_DELAY_MILLIS / 2);
    assertThat(peakHeap.get()).isLessThan(768L * 1024 * 1024);

    // close returned once nothing of ours ran any more: the disk is as it will stay
    Set<String> stored = TransportFixtures.storedEventIds(dir);
    Set<String> delivered = new HashSet<>(server.eventIdsAnswered(200));
    Set<String> both = new HashSet<>(delivered);
    both.retainAll(stored);
    // those on the wire when close cancelled them: the server may have them, and the disk does
    assertThat(both.size()).isLessThanOrEqualTo(new TransportConfig().maxInFlight);
    long accounted = delivered.size() + stored.size() - both.size() + dropped.get();
    assertThat(accounted).isEqualTo(captured.get());
    assertThat(captured.get()).isGreaterThan(1000);
  }
}
