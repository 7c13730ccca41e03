package io.sentryj;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.fakes.RecordingTransport;
import io.sentryj.testing.TestSdk;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failure reported by a request's integration and then again by the container or a logger is one
 * event, and no drop: what the core does for every integration, the way a servlet container does it
 * (the request's scope, then the error log after the request left its scope).
 */
class OneFailureOneEventTest {
  private final RecordingTransport transport = new RecordingTransport();
  private final List<String> discards = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    Sentry.close();
  }

  private void init() {
    TestSdk.init(
        transport, o -> o.discardListener((reason, category, n) -> discards.add(reason + "")));
  }

  @Test
  void theContainersErrorLogOfTheRootCauseAfterTheRequestIsNotASecondEvent() {
    init();
    IllegalStateException rootCause = new IllegalStateException("database down");
    SentryId first;
    try (ScopeToken request = Sentry.pushIsolationScope()) {
      Sentry.setTag("request", "r1");
      first = Sentry.captureException(new RuntimeException("ServletException", rootCause));
    }

    SentryId logged = Sentry.captureException(rootCause); // Tomcat's SEVERE line, outside

    assertThat(logged).isEqualTo(first);
    assertThat(transport.events()).hasSize(1);
    assertThat(transport.onlyEvent().getTags()).containsEntry("request", "r1");
    assertThat(discards).isEmpty();
  }

  @Test
  void aFailureSeenByTwoPathsOfOneRequestIsOneEventWhateverTheOrder() {
    init();
    IllegalStateException failure = new IllegalStateException("async dispatch failed");
    try (ScopeToken request = Sentry.pushIsolationScope()) {
      Sentry.captureException(failure); // the async listener's onError
      Sentry.captureException(new RuntimeException(failure)); // the filter, wrapping it
    }
    assertThat(transport.events()).hasSize(1);
    assertThat(discards).isEmpty();
  }

  @Test
  void turnedOffEveryCaptureIsSent() {
    TestSdk.init(transport, o -> o.enableDeduplication(false));
    IllegalStateException failure = new IllegalStateException("twice");
    Sentry.captureException(failure);
    Sentry.captureException(failure);
    assertThat(transport.events()).hasSize(2);
  }
}
