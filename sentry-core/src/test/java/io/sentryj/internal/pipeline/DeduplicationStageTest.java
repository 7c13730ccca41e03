package io.sentryj.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Hint;
import io.sentryj.SentryId;
import io.sentryj.SentryOptions;
import io.sentryj.internal.event.EventFactory;
import io.sentryj.internal.scope.ScopeImpl;
import io.sentryj.internal.scope.Scopes;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.testing.Await;
import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DeduplicationStageTest {
  private static final EventFactory EVENTS = EventFactory.of(SentryOptions.builder().build());

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final DeduplicationStage stage = new DeduplicationStage(nanos::get);
  private final ScopeImpl global = new ScopeImpl(10, null);
  private final Scopes request = scopes();
  private final Scopes otherRequest = scopes();

  private Scopes scopes() {
    return new Scopes(global, new ScopeImpl(10, null), new ScopeImpl(10, null));
  }

  private @Nullable SentryId held;

  /** The event if the stage lets it through, else null (and {@link #held} the earlier id). */
  private @Nullable SentryEvent capture(Throwable t, Scopes scopes) {
    SentryEvent event = new SentryEvent();
    EVENTS.attachException(event, t, "generic", true);
    Capture capture = new Capture(new Hint(), scopes);
    SentryEvent result = stage.apply(event, capture);
    held = capture.duplicateOf;
    return result;
  }

  private void later(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void aLaterCaptureOfTheRootCauseOfAReportedWrapperIsTheSameFailure() {
    IllegalStateException root = new IllegalStateException("db down");
    SentryEvent first = capture(new RuntimeException("ServletException", root), request);
    assertThat(first).isNotNull();

    later(5); // the container logs the root cause after service() returned, outside the request
    assertThat(capture(root, otherRequest)).isNull();
    assertThat(held).isEqualTo(first.getEventId());
  }

  @Test
  void aWrapperOfAReportedThrowableIsTheSameFailure() {
    IllegalStateException root = new IllegalStateException("db down");
    assertThat(capture(root, request)).isNotNull();
    assertThat(capture(new RuntimeException(new RuntimeException(root)), request)).isNull();
  }

  @Test
  void theSameThrowableAgainInTheSameRequestIsHeldBackHowEverLate() {
    IllegalStateException failure = new IllegalStateException("async dispatch failed");
    assertThat(capture(failure, request)).isNotNull();
    later(TimeUnit.HOURS.toMillis(1));
    assertThat(capture(failure, request)).isNull();
  }

  @Test
  void inAnotherScopeTheSameThrowableIsTheSameFailureOnlyWithinTheWindow() {
    IllegalStateException reused = new IllegalStateException("a throwable kept and thrown again");
    assertThat(capture(reused, request)).isNotNull();

    later(DeduplicationStage.WINDOW_MILLIS - 1);
    assertThat(capture(reused, otherRequest)).isNull();

    later(2);
    assertThat(capture(reused, scopes())).isNotNull();
  }

  @Test
  void aSuppressedExceptionOfAReportedOneIsAnotherFailure() {
    IllegalStateException closeFailed = new IllegalStateException("close failed");
    RuntimeException main = new RuntimeException("write failed");
    main.addSuppressed(closeFailed);
    assertThat(capture(main, request)).isNotNull();
    assertThat(capture(closeFailed, request)).isNotNull();
  }

  @Test
  void unrelatedThrowablesAreEachSent() {
    assertThat(capture(new IllegalStateException("same text"), request)).isNotNull();
    assertThat(capture(new IllegalStateException("same text"), request)).isNotNull();
  }

  @Test
  void onlyTheLastCapturesAreRemembered() {
    IllegalStateException first = new IllegalStateException("first");
    assertThat(capture(first, request)).isNotNull();
    for (int i = 0; i < DeduplicationStage.REMEMBERED; i++) {
      assertThat(capture(new IllegalStateException("other " + i), request)).isNotNull();
    }
    assertThat(capture(first, request)).isNotNull();
  }

  @Test
  void rememberedThrowablesAreNotKeptAlive() {
    WeakReference<Throwable> probe = captureAndForget();
    Await.until(
        "the captured throwable to be collected",
        30_000,
        () -> {
          System.gc();
          return probe.get() == null;
        });
  }

  private WeakReference<Throwable> captureAndForget() {
    Throwable t = new IllegalStateException("forgotten");
    assertThat(capture(t, request)).isNotNull();
    return new WeakReference<>(t);
  }

  @Test
  void throwablesAreComparedByIdentityWithoutTheirHashCodeOrEquals() {
    RuntimeException hostile =
        new RuntimeException("hostile") {
          @Override
          public int hashCode() {
            throw new UnsupportedOperationException("hashCode");
          }

          @Override
          public boolean equals(Object o) {
            throw new UnsupportedOperationException("equals");
          }
        };
    assertThat(capture(hostile, request)).isNotNull();
    assertThat(capture(new RuntimeException(hostile), request)).isNull();
  }

  @Test
  void anEventWithoutThrowableIsNeverHeldBack() {
    SentryEvent message = new SentryEvent();
    assertThat(stage.apply(message, new Capture(new Hint(), request))).isSameAs(message);
    assertThat(stage.apply(message, new Capture(new Hint(), request))).isSameAs(message);
    assertThat(stage.discardReason()).isNull();
  }
}
