package io.sentryj.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delaysGrowExponentiallyWithJitterUpToTheCap() {
    Backoff b = new Backoff(100, 1000);
    long[] expectedMax = {100, 200, 400, 800, 1000, 1000, 1000};
    for (long max : expectedMax) {
      long delay = b.failed(0, -1);
      assertThat(delay).isBetween(max / 2, max);
    }
  }

  @Test
  void aRetryAfterIsAFloorUpToAMinute() {
    Backoff b = new Backoff(100, 1000);
    assertThat(b.failed(0, 5000)).isEqualTo(5000);
    assertThat(b.failed(0, 3_600_000)).isEqualTo(Backoff.MAX_RETRY_AFTER_MILLIS);
  }

  @Test
  void aSuccessEndsTheRunAndSaysSoOnce() {
    Backoff b = new Backoff(100, 1000);
    b.failed(0, -1);
    assertThat(b.isFailing()).isTrue();
    assertThat(b.isWaiting(1)).isTrue();
    assertThat(b.succeeded()).isTrue();
    assertThat(b.succeeded()).isFalse();
    assertThat(b.isFailing()).isFalse();
    assertThat(b.isWaiting(1)).isFalse();
  }
}
