package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.sentryj.internal.transport.SentryServer.await;
import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static io.sentryj.internal.transport.TransportFixtures.heldEvent;
import static io.sentryj.internal.transport.TransportFixtures.refusingUrl;
import static io.sentryj.internal.transport.TransportFixtures.storedEnvelopes;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every envelope reaches the outbox before anything else happens to it, and no write waits for
 * HTTP: not for a server that does not answer, not for a client that takes its time to start. The
 * worker can be held inside one envelope's serialization, so that the queue stays full as long as a
 * test needs.
 */
class WriteAheadTest {
  private final SentryServer server = new SentryServer();
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch workerHeld = new CountDownLatch(1);
  private final List<DeliveryProcessor> transports = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    release.countDown();
    for (DeliveryProcessor t : transports) {
      t.close(0);
    }
    server.close();
  }

  private DeliveryProcessor start(TransportConfig c, Sender sender) {
    DeliveryProcessor t = new DeliveryProcessor(c, recorder, sender);
    transports.add(t);
    return t;
  }

  private DeliveryProcessor startHttp(TransportConfig c) {
    return start(c, new OkHttpSender(String.valueOf(c.url), c));
  }

  @Test
  void everyEnvelopeIsOnDiskWhileTheHttpClientIsStillStarting() {
    FakeSender starting =
        new FakeSender().held(); // every request waits, as a first TLS set-up does
    DeliveryProcessor t = start(config("http://unused", dir), starting);
    for (int i = 0; i < 300; i++) {
      t.send(event());
    }
    await("all 300 on disk", 20_000, () -> storedEnvelopes(dir) == 300);
    assertThat(starting.sent).isEmpty();
    starting.release();
    await("all sent once started", 20_000, () -> starting.sent.size() == 300);
  }

  @Test
  void everyEnvelopeIsOnDiskWhileTheServerDoesNotAnswer() {
    server.respond(aResponse().withStatus(200).withFixedDelay(20_000));
    TransportConfig c = config(server.url(), dir);
    c.readTimeoutMillis = 30_000;
    startHttp(c);
    DeliveryProcessor t = transports.get(0);
    for (int i = 0; i < 200; i++) {
      t.send(event());
    }
    await("all 200 on disk", 20_000, () -> storedEnvelopes(dir) == 200);
    await("requests hang", 10_000, () -> server.requests().size() == c.maxInFlight);
    assertThat(recorder.total()).isZero();
  }

  @Test
  void aBurstIsWrittenAsOneBatchThenSplitIntoAFileEachAndSent() throws Exception {
    FakeSender sender = new FakeSender();
    DeliveryProcessor t = start(config("http://unused", dir), sender);
    t.send(heldEvent(workerHeld, release));
    assertThat(workerHeld.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 50; i++) {
      t.send(event()); // they queue behind the held one
    }
    release.countDown();
    assertThat(t.flush(20_000)).isTrue();
    assertThat(sender.sent).hasSize(51);
    assertThat(batchFiles()).isEmpty();
    assertThat(storedEnvelopes(dir)).isZero(); // each done with once sent
  }

  @Test
  void withAnOutboxAFullQueueIsDroppedAndCountedAsQueueOverflow() throws Exception {
    TransportConfig c = config("http://unused", dir);
    c.maxQueueSize = 3; // the held envelope, and two more
    DeliveryProcessor t = start(c, new FakeSender());
    t.send(heldEvent(workerHeld, release));
    assertThat(workerHeld.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 7; i++) {
      t.send(event());
    }
    assertThat(recorder.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.ERROR)).isEqualTo(5);
    release.countDown();
    assertThat(t.flush(10_000)).isTrue();
  }

  @Test
  void withoutAnOutboxAFullQueueIsDroppedAndCountedAsQueueOverflow() throws Exception {
    TransportConfig c = config(server.url(), null);
    c.maxQueueSize = 3;
    DeliveryProcessor t = startHttp(c);
    t.send(heldEvent(workerHeld, release));
    assertThat(workerHeld.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 7; i++) {
      t.send(event());
    }
    assertThat(recorder.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.ERROR)).isEqualTo(5);
    release.countDown();
    assertThat(t.flush(10_000)).isTrue();
    assertThat(server.eventIdsAnswered(200)).hasSize(3);
  }

  @Test
  void closeWritesWhatTheQueueHoldsBeforeItReturnsAndTheNextStartSendsIt() throws Exception {
    DeliveryProcessor down = start(config(refusingUrl(), dir), new FakeSender().held());
    List<String> sent = new ArrayList<>();
    Envelope held = heldEvent(workerHeld, release);
    sent.add(String.valueOf(held.eventId()));
    down.send(held);
    assertThat(workerHeld.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 5; i++) {
      Envelope e = event();
      sent.add(String.valueOf(e.eventId()));
      down.send(e);
    }
    Thread closer = new Thread(() -> down.close(0), "closer");
    closer.start();
    await(
        "close waits for the disk", 10_000, () -> closer.getState() == Thread.State.TIMED_WAITING);
    assertThat(storedEnvelopes(dir)).isZero();
    release.countDown();
    closer.join(30_000);
    assertThat(closer.isAlive()).isFalse();
    // a timeout of 0, a sender that never answers: everything taken is on disk, nothing dropped
    assertThat(storedEnvelopes(dir)).isEqualTo(6);
    assertThat(recorder.total()).isZero();

    DeliveryProcessor up = startHttp(config(server.url(), dir));
    await("sent at the next start", 20_000, () -> server.eventIdsAnswered(200).size() >= 6);
    assertThat(server.eventIdsAnswered(200)).containsExactlyInAnyOrderElementsOf(sent);
    await("outbox emptied", 5_000, () -> storedEnvelopes(dir) == 0 && up.isIdle());
  }

  @Test
  void aDyingThreadsEnvelopeIsOnDiskWhenSendReturns() {
    DeliveryProcessor t = start(config("http://unused", dir), new FakeSender().held());
    DurableWrite.run(() -> t.send(event()));
    assertThat(storedEnvelopes(dir)).isEqualTo(1);
  }

  private List<Path> batchFiles() throws Exception {
    if (!Files.isDirectory(dir)) {
      return new ArrayList<>();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(OutboxBatch.SUFFIX)).toList();
    }
  }
}
