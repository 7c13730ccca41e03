package io.sentryj.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.SentryId;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.fakes.FakeEventParts;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.SdkVersion;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SentryClientTest {
  private final RecordingTransport transport = new RecordingTransport();
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private final FakeEventParts parts = new FakeEventParts();

  private SentryClient client(SentryOptions.Builder options) {
    EventDefaults defaults =
        new EventDefaults(
            new SdkVersion("sentryj.java", "1.0.0"),
            () -> null,
            Collections.<String, Object>emptyMap(),
            Collections.<String, Object>emptyMap());
    return new SentryClient(options.build(), defaults, parts, transport, recorder, null);
  }

  @Test
  void exceptionsAreBuiltOnlyWhenSomeoneAsks() {
    SentryClient client = client(SentryOptions.builder());
    client.captureException(
        new IllegalStateException("x"), null, "generic", true, SentryLevel.ERROR);
    assertThat(parts.exceptionCalls.get()).isZero();
    SentryEvent event = transport.onlyEvent();
    List<SentryException> exceptions = event.getExceptions();
    assertThat(exceptions).hasSize(1);
    assertThat(exceptions.get(0).getMechanism().getType()).isEqualTo("generic");
    assertThat(exceptions.get(0).getThreadId()).isEqualTo(Thread.currentThread().getId());
    assertThat(parts.exceptionCalls.get()).isEqualTo(1);
  }

  @Test
  void beforeSendThatCapturesAgainDoesNotLoop() {
    AtomicReference<SentryClient> self = new AtomicReference<>();
    SentryClient client =
        client(
            SentryOptions.builder()
                .beforeSend(
                    (e, h) -> {
                      self.get().captureMessage("from beforeSend", SentryLevel.ERROR);
                      return e;
                    }));
    self.set(client);
    SentryId id = client.captureMessage("outer", SentryLevel.ERROR);
    assertThat(id).isNotEqualTo(SentryId.EMPTY);
    assertThat(transport.events()).hasSize(1);
    assertThat(recorder.count(DiscardReason.INTERNAL_SDK_ERROR, DataCategory.ERROR)).isEqualTo(1);
    assertThat(SentryClient.isCapturing()).isFalse();
  }

  @Test
  void aFailingTransportNeverReachesTheCaller() {
    SentryClient client = client(SentryOptions.builder());
    transport.failWith(new IllegalStateException("transport bug"));
    SentryId id = client.captureMessage("x", SentryLevel.ERROR);
    assertThat(id).isEqualTo(SentryId.EMPTY);
    assertThat(recorder.count(DiscardReason.INTERNAL_SDK_ERROR, DataCategory.ERROR)).isEqualTo(1);
  }

  @Test
  void lastEventIdFollowsTheIsolationScope() {
    SentryClient client = client(SentryOptions.builder());
    SentryId id = client.captureMessage("x", SentryLevel.INFO);
    assertThat(client.storage().current().isolation().getLastEventId()).isEqualTo(id);
  }

  @Test
  void closeIsIdempotentAndClosesTheTransport() {
    SentryClient client = client(SentryOptions.builder());
    client.close(100);
    client.close(100);
    assertThat(client.isClosed()).isTrue();
    assertThat(transport.isClosed()).isTrue();
  }
}
