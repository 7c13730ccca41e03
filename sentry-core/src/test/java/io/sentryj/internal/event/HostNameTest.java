package io.sentryj.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sentryj.testing.Await;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HostNameTest {
  private static final long HOURS = TimeUnit.HOURS.toMillis(5);

  @Test
  void resolvesOnADaemonThreadOfItsOwn() {
    AtomicReference<Thread> resolvingThread = new AtomicReference<>();
    HostName hostName =
        new HostName(
            () -> {
              resolvingThread.set(Thread.currentThread());
              return "box-1";
            },
            HOURS);

    assertThat(hostName.get(10_000)).isEqualTo("box-1");
    Thread thread = resolvingThread.get();
    assertThat(thread).isNotSameAs(Thread.currentThread());
    assertThat(thread.getName()).isEqualTo(HostName.THREAD_NAME);
    assertThat(thread.isDaemon()).isTrue();
  }

  @Test
  void resolvesOnceAndThenAnswersFromTheCache() {
    AtomicInteger calls = new AtomicInteger();
    HostName hostName =
        new HostName(
            () -> {
              calls.incrementAndGet();
              return "box-2";
            },
            HOURS);

    for (int i = 0; i < 100; i++) {
      assertThat(hostName.get(10_000)).isEqualTo("box-2");
    }
    assertThat(calls).hasValue(1);
  }

  @Test
  void aHangingResolverGivesNullWithinTheBoundAndLaterCallersDoNotWait()
      throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    HostName hostName =
        new HostName(
            () -> {
              release.await();
              return "late-box";
            },
            HOURS);
    try {
      assertThat(hostName.get(100)).isNull();
      // a later caller that waited for the hanging resolver would wait a day: the deadline fails it
      assertThat(
              assertTimeoutPreemptively(
                  Duration.ofSeconds(30), () -> hostName.get(TimeUnit.DAYS.toMillis(1))))
          .isNull();

      release.countDown();

      assertThat(pollUntilResolved(hostName)).isEqualTo("late-box");
    } finally {
      release.countDown();
      hostName.close();
    }
  }

  @Test
  void aFailingResolverGivesNullWithoutThrowing() {
    HostName hostName =
        new HostName(
            () -> {
              throw new java.net.UnknownHostException("no DNS");
            },
            HOURS);

    assertThat(hostName.get(10_000)).isNull();
  }

  @Test
  void theNameIsRefreshed() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    HostName hostName = new HostName(() -> "box-" + calls.incrementAndGet(), 1);
    try {
      assertThat(hostName.get(10_000)).startsWith("box-");
      Await.until("three resolutions", 30_000, () -> calls.get() >= 3);
      assertThat(calls.get()).isGreaterThanOrEqualTo(3);
      assertThat(hostName.get(0)).isNotEqualTo("box-1");
    } finally {
      hostName.close();
    }
  }

  @Test
  void closingStopsTheRefreshesAndKeepsTheName() throws InterruptedException {
    AtomicReference<Thread> resolvingThread = new AtomicReference<>();
    HostName hostName =
        new HostName(
            () -> {
              resolvingThread.set(Thread.currentThread());
              return "box-3";
            },
            HOURS);
    assertThat(hostName.get(10_000)).isEqualTo("box-3");

    hostName.close();

    Thread first = resolvingThread.get();
    first.join(10_000);
    assertThat(first.isAlive()).isFalse();
    assertThat(hostName.get(0)).isEqualTo("box-3");
    // that get() started refreshing again, on a new thread
    Await.until("a refresh on a new thread", 30_000, () -> resolvingThread.get() != first);
    assertThat(resolvingThread.get()).isNotSameAs(first);
    hostName.close();
  }

  @Test
  void theSystemHostNameResolvesOrIsNull() {
    String name = HostName.system().get(5_000);

    // A sandbox may have no resolvable name; a name, when there is one, is not blank.
    if (name != null) {
      assertThat(name).isNotBlank();
    }
    assertThat(HostName.system()).isSameAs(HostName.system());
  }

  @Test
  void aRefreshIntervalMustBePositive() {
    assertThatThrownBy(() -> new HostName(() -> "x", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refreshMillis");
  }

  private static String pollUntilResolved(HostName hostName) {
    Await.until("the late name", 30_000, () -> hostName.get(0) != null);
    return hostName.get(0);
  }
}
