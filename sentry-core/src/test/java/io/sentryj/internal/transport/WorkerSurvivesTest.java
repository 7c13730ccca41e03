package io.sentryj.internal.transport;

import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.SentryId;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever fails in delivery, an OutOfMemoryError included, costs at most the envelope at hand
 * (counted), and delivery goes on.
 */
class WorkerSurvivesTest {
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private DeliveryProcessor transport;
  @TempDir Path dir;

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close(0);
    }
  }

  @Test
  void anOutOfMemoryErrorWhileSerializingCostsThatEnvelopeOnlyAndIsCounted() {
    FakeSender sender = new FakeSender();
    TransportConfig c = config("http://unused", dir);
    c.sendClientReports = false; // the count stays here to be read
    transport = new DeliveryProcessor(c, recorder, sender);
    EnvelopeItem failing =
        EnvelopeItem.lazy(
            "event",
            Collections.<String, Object>emptyMap(),
            () -> {
              throw new OutOfMemoryError("a test's");
            });
    transport.send(
        new Envelope(
            SentryId.random(),
            Collections.<String, Object>emptyMap(),
            Collections.singletonList(failing)));
    transport.send(event());
    assertThat(transport.flush(10_000)).isTrue();
    assertThat(sender.sent).hasSize(1);
    assertThat(recorder.count(DiscardReason.INTERNAL_SDK_ERROR, DataCategory.ERROR)).isEqualTo(1);
  }

  @Test
  void anOutOfMemoryErrorWhileSendingIsRetriedAndTheEnvelopeDelivered() {
    AtomicBoolean first = new AtomicBoolean(true);
    FakeSender sender =
        new FakeSender()
            .answering(
                body -> {
                  if (first.getAndSet(false)) {
                    throw new OutOfMemoryError("a test's");
                  }
                  return SendResult.answered(200, null, null, null);
                });
    transport = new DeliveryProcessor(config("http://unused", dir), recorder, sender);
    transport.send(event());
    assertThat(transport.flush(10_000)).isTrue();
    assertThat(sender.sent).hasSize(2);
    assertThat(recorder.total()).isZero();
    assertThat(transport.deliveredCount()).isEqualTo(1);
  }
}
