package io.sentryj.internal.transport;

import static io.sentryj.internal.transport.SentryServer.await;
import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.envelopeFiles;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.SentryId;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full memory queue spills to the disk outbox instead of dropping (issue: "only when that is off
 * or full are they dropped"). The worker is held inside one envelope's serialization, so the queue
 * stays full for as long as the test needs.
 */
class SpillTest {
  private final SentryServer server = new SentryServer();
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch workerHeld = new CountDownLatch(1);
  @TempDir Path dir;
  private AsyncTransport transport;

  @AfterEach
  void stop() {
    release.countDown();
    if (transport != null) {
      transport.close(0);
    }
    server.close();
  }

  @Test
  void whatTheFullQueueCannotTakeIsWrittenToTheOutboxAndDelivered() throws Exception {
    TransportConfig c = config(server.url(), dir);
    c.maxQueueSize = 3; // the held envelope, and two more
    transport = new AsyncTransport(c, recorder);
    List<String> sent = new ArrayList<>();
    sent.add(holdTheWorker());
    for (int i = 0; i < 7; i++) { // two fill the queue, five spill
      Envelope e = event();
      sent.add(e.eventId().toString());
      transport.send(e);
    }

    await("spilled to disk while the worker is busy", 10_000, () -> envelopeFiles(dir).size() == 5);
    assertThat(recorder.total()).isZero();
    assertThat(server.requests()).isEmpty();

    release.countDown();
    await("all delivered", 10_000, () -> server.eventIdsAnswered(200).size() >= sent.size());
    await("idle", 5_000, transport::isIdle);
    assertThat(server.eventIdsAnswered(200)).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(recorder.total()).isZero();
    assertThat(envelopeFiles(dir)).isEmpty();
  }

  @Test
  void withoutAnOutboxWhatTheFullQueueCannotTakeIsCountedAsQueueOverflow() throws Exception {
    TransportConfig c = config(server.url(), null);
    c.maxQueueSize = 3; // the held envelope, and two more
    transport = new AsyncTransport(c, recorder);
    holdTheWorker();
    for (int i = 0; i < 7; i++) {
      transport.send(event());
    }

    assertThat(recorder.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.ERROR)).isEqualTo(5);
    release.countDown();
    assertThat(transport.flush(10_000)).isTrue();
    assertThat(server.eventIdsAnswered(200)).hasSize(3);
  }

  /** Sends an event whose payload the worker makes only when the test says so; its id. */
  private String holdTheWorker() throws InterruptedException {
    SentryId id = SentryId.random();
    byte[] json = ("{\"event_id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    EnvelopeItem held =
        EnvelopeItem.lazy(
            "event",
            Collections.<String, Object>emptyMap(),
            () -> {
              workerHeld.countDown();
              try {
                release.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return json;
            });
    transport.send(
        new Envelope(id, Collections.<String, Object>emptyMap(), Collections.singletonList(held)));
    assertThat(workerHeld.await(10, TimeUnit.SECONDS)).isTrue();
    return id.toString();
  }
}
