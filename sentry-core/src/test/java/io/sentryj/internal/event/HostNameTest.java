package io.sentryj.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
      long start = System.nanoTime();
      assertThat(hostName.get(100)).isNull();
      assertThat(hostName.get(60_000)).isNull(); // would wait a minute if it waited again
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(elapsedMillis).isBetween(100L, 30_000L);

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
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (calls.get() < 3 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (resolvingThread.get() == first && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
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

  private static String pollUntilResolved(HostName hostName) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String name = hostName.get(0);
    while (name == null && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      name = hostName.get(0);
    }
    return name;
  }
}
