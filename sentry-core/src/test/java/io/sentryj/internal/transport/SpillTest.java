package io.sentryj.internal.transport;

import static io.sentryj.internal.transport.SentryServer.await;
import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.envelopeFiles;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static io.sentryj.internal.transport.TransportFixtures.refusingUrl;
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
 * stays full for as long as the test needs; a spilled envelope can hold the outbox thread the same
 * way.
 */
class SpillTest {
  private final SentryServer server = new SentryServer();
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch workerHeld = new CountDownLatch(1);
  private final CountDownLatch releaseDisk = new CountDownLatch(1);
  private final CountDownLatch diskHeld = new CountDownLatch(1);
  private final List<AsyncTransport> transports = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    release.countDown();
    releaseDisk.countDown();
    for (AsyncTransport t : transports) {
      t.close(0);
    }
    server.close();
  }

  private AsyncTransport start(TransportConfig c) {
    AsyncTransport t = new AsyncTransport(c, recorder);
    transports.add(t);
    return t;
  }

  @Test
  void whatTheFullQueueCannotTakeIsWrittenToTheOutboxAndDelivered() throws Exception {
    TransportConfig c = config(server.url(), dir);
    c.maxQueueSize = 3; // the held envelope, and two more
    AsyncTransport transport = start(c);
    List<String> sent = new ArrayList<>();
    sent.add(hold(transport, workerHeld, release));
    for (int i = 0; i < 7; i++) { // two fill the queue, five spill
      sent.add(send(transport, event()));
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
    AsyncTransport transport = start(c);
    hold(transport, workerHeld, release);
    for (int i = 0; i < 7; i++) {
      transport.send(event());
    }

    assertThat(recorder.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.ERROR)).isEqualTo(5);
    release.countDown();
    assertThat(transport.flush(10_000)).isTrue();
    assertThat(server.eventIdsAnswered(200)).hasSize(3);
  }

  @Test
  void whatTheHandOffCannotTakeEitherIsCountedAsQueueOverflow() throws Exception {
    TransportConfig c = config(server.url(), dir);
    c.maxQueueSize = 1; // the held envelope only
    c.sendClientReports = false; // the counts stay with the recorder
    AsyncTransport transport = start(c);
    hold(transport, workerHeld, release);
    hold(transport, diskHeld, releaseDisk); // spilled: holds the outbox thread
    for (int i = 0; i < 300; i++) {
      transport.send(event());
    }

    // the hand-off takes 256 envelopes, the held one included
    assertThat(recorder.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.ERROR)).isEqualTo(45);
    release.countDown();
    releaseDisk.countDown();
    assertThat(transport.flush(20_000)).isTrue();
    assertThat(server.eventIdsAnswered(200)).hasSize(1 + 256);
    assertThat(recorder.total()).isEqualTo(45);
  }

  @Test
  void closeWritesEverySpilledEnvelopeBeforeItReturnsAndTheNextStartSendsThem() throws Exception {
    TransportConfig c = config(refusingUrl(), dir);
    c.maxQueueSize = 3; // the held envelope, and two more
    AsyncTransport down = start(c);
    List<String> sent = new ArrayList<>();
    sent.add(hold(down, workerHeld, release));
    sent.add(send(down, event()));
    sent.add(send(down, event()));
    sent.add(hold(down, diskHeld, releaseDisk)); // spilled: holds the outbox thread
    for (int i = 0; i < 4; i++) {
      sent.add(send(down, event())); // spilled behind it
    }
    assertThat(envelopeFiles(dir)).isEmpty();

    Thread closer = new Thread(() -> down.close(0), "closer");
    closer.start();
    await(
        "close waits for the disk", 10_000, () -> closer.getState() == Thread.State.TIMED_WAITING);
    assertThat(envelopeFiles(dir)).isEmpty();
    release.countDown();
    releaseDisk.countDown();
    closer.join(30_000);
    assertThat(closer.isAlive()).isFalse();

    // a timeout of 0 and a server that is down: everything taken is on disk, nothing dropped
    assertThat(envelopeFiles(dir)).hasSize(sent.size());
    assertThat(recorder.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.ERROR)).isZero();
    assertThat(recorder.count(DiscardReason.NETWORK_ERROR, DataCategory.ERROR)).isZero();

    AsyncTransport up = start(config(server.url(), dir));
    await("sent at the next start", 10_000, () -> server.eventIdsAnswered(200).size() >= 8);
    assertThat(server.eventIdsAnswered(200)).containsExactlyInAnyOrderElementsOf(sent);
    await("outbox emptied", 5_000, () -> envelopeFiles(dir).isEmpty() && up.isIdle());
  }

  @Test
  void flushWaitsForSpilledEnvelopesUntilTheyAreSent() throws Exception {
    TransportConfig c = config(server.url(), dir);
    c.maxQueueSize = 1; // the held envelope only
    AsyncTransport transport = start(c);
    List<String> sent = new ArrayList<>();
    sent.add(hold(transport, workerHeld, release));
    sent.add(hold(transport, diskHeld, releaseDisk)); // spilled: holds the outbox thread
    sent.add(send(transport, event())); // spilled behind it
    release.countDown();

    assertThat(transport.flush(300)).isFalse();
    assertThat(transport.isIdle()).isFalse();
    releaseDisk.countDown();
    assertThat(transport.flush(10_000)).isTrue();
    assertThat(server.eventIdsAnswered(200)).containsExactlyInAnyOrderElementsOf(sent);
  }

  private static String send(AsyncTransport transport, Envelope e) {
    transport.send(e);
    return String.valueOf(e.eventId());
  }

  /**
   * Sends an event whose payload is made only when {@code release} opens, on whichever thread
   * serializes it (the worker, or the outbox thread when it spilled); its id.
   */
  private static String hold(AsyncTransport transport, CountDownLatch held, CountDownLatch release)
      throws InterruptedException {
    SentryId id = SentryId.random();
    byte[] json = ("{\"event_id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    EnvelopeItem item =
        EnvelopeItem.lazy(
            "event",
            Collections.<String, Object>emptyMap(),
            () -> {
              held.countDown();
              try {
                release.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return json;
            });
    transport.send(
        new Envelope(id, Collections.<String, Object>emptyMap(), Collections.singletonList(item)));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
    return id.toString();
  }
}
