package io.sentryj.internal.event;

import static java.util.Collections.emptyList;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.protocol.SentryStackFrame;
import io.sentryj.protocol.SentryStackTrace;
import io.sentryj.protocol.SentryThread;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadsFactoryTest {
  private final ThreadsFactory factory =
      new ThreadsFactory(new StackFrameFactory(new InAppMatcher(emptyList(), emptyList())));

  @Test
  void liveThreadsAreListedWithTheCurrentOneMarkedAndTheCrashedOneWithoutStack()
      throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch waiting = new CountDownLatch(1);
    Thread crashed =
        new Thread(
            () -> {
              waiting.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "crashed-worker");
    crashed.setDaemon(true);
    crashed.start();
    try {
      assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

      List<SentryThread> threads = factory.threads(crashed.getId());

      SentryThread current = find(threads, Thread.currentThread().getId());
      assertThat(current.getCurrent()).isTrue();
      assertThat(current.getCrashed()).isNull();
      assertThat(current.getName()).isEqualTo(Thread.currentThread().getName());
      assertThat(current.getState()).isEqualTo("RUNNABLE");
      assertThat(current.getStacktrace()).isNotNull();
      List<SentryStackFrame> frames = current.getStacktrace().getFrames();
      assertThat(frames)
          .extracting(SentryStackFrame::getFunction)
          .contains("liveThreadsAreListedWithTheCurrentOneMarkedAndTheCrashedOneWithoutStack");

      SentryThread crashedThread = find(threads, crashed.getId());
      assertThat(crashedThread.getCrashed()).isTrue();
      assertThat(crashedThread.getCurrent()).isNull();
      assertThat(crashedThread.getStacktrace()).isNull();
      assertThat(crashedThread.getName()).isEqualTo("crashed-worker");
    } finally {
      release.countDown();
    }
  }

  @Test
  void theThreadNamedMainIsMarkedMainAndStatesAreNamed() {
    Thread main = new Thread(() -> {}, "main");
    Thread other = new Thread(() -> {}, "other");
    Map<Thread, StackTraceElement[]> dump = new LinkedHashMap<>();
    dump.put(other, stack("com.acme.Other"));
    dump.put(main, stack("com.acme.Main"));

    List<SentryThread> threads =
        factory.threads(dump, ThreadsFactory.NO_THREAD, ThreadsFactory.NO_THREAD);

    assertThat(find(threads, main.getId()).getMain()).isTrue();
    assertThat(find(threads, other.getId()).getMain()).isNull();
    assertThat(threads).extracting(SentryThread::getState).containsOnly("NEW");
    assertThat(threads).extracting(SentryThread::getId).isSorted();
    assertThat(find(threads, main.getId()).getStacktrace().getFrames())
        .extracting(SentryStackFrame::getModule)
        .containsExactly("com.acme.Main");
  }

  @Test
  void theNumberOfThreadsIsCappedKeepingTheCurrentAndCrashedOnes() {
    Map<Thread, StackTraceElement[]> dump = new LinkedHashMap<>();
    Thread last = null;
    Thread beforeLast = null;
    for (int i = 0; i < ThreadsFactory.MAX_THREADS + 50; i++) {
      Thread thread = new Thread(() -> {}, "t" + i);
      dump.put(thread, stack("com.acme.T"));
      beforeLast = last;
      last = thread;
    }

    List<SentryThread> threads = factory.threads(dump, last.getId(), beforeLast.getId());

    assertThat(threads).hasSize(ThreadsFactory.MAX_THREADS);
    assertThat(find(threads, last.getId()).getCurrent()).isTrue();
    assertThat(find(threads, beforeLast.getId()).getCrashed()).isTrue();
    assertThat(threads).extracting(SentryThread::getName).contains("t0", "t1");
    assertThat(threads).extracting(SentryThread::getId).isSorted();
  }

  @Test
  void theCurrentStackLeavesOutTheNewestSdkFrames() {
    StackTraceElement[] newestFirst = {
      new StackTraceElement("java.lang.Thread", "getStackTrace", "Thread.java", 1),
      new StackTraceElement("io.sentryj.internal.event.ThreadsFactory", "x", "T.java", 2),
      new StackTraceElement("io.sentryj.Sentry", "captureMessage", "Sentry.java", 3),
      new StackTraceElement("com.acme.App", "run", "App.java", 4),
      new StackTraceElement("io.sentryj.servlet.SentryFilter", "doFilter", "F.java", 5),
    };

    SentryStackTrace stackTrace = factory.stackTraceOutsideSdk(newestFirst);

    assertThat(stackTrace.getFrames())
        .extracting(SentryStackFrame::getModule)
        .containsExactly("io.sentryj.servlet.SentryFilter", "com.acme.App");
  }

  @Test
  void aStackOfOnlySdkFramesGivesNoStackTrace() {
    StackTraceElement[] newestFirst = {
      new StackTraceElement("io.sentryj.Sentry", "captureMessage", "Sentry.java", 3),
    };

    assertThat(factory.stackTraceOutsideSdk(newestFirst)).isNull();
  }

  @Test
  void theRealCurrentStackStartsOutsideTheSdk() {
    // This test class is in io.sentryj, so its frames count as the SDK's: the newest frame left is
    // the test framework's call into it.
    SentryThread thread = factory.currentThread();

    assertThat(thread.getCurrent()).isTrue();
    assertThat(thread.getId()).isEqualTo(Thread.currentThread().getId());
    List<SentryStackFrame> frames = thread.getStacktrace().getFrames();
    assertThat(frames).isNotEmpty();
    assertThat(frames.get(frames.size() - 1).getModule()).doesNotStartWith("io.sentryj.");
    assertThat(frames).extracting(SentryStackFrame::getFunction).doesNotContain("getStackTrace");
  }

  private static StackTraceElement[] stack(String className) {
    return new StackTraceElement[] {new StackTraceElement(className, "run", "X.java", 10)};
  }

  private static SentryThread find(List<SentryThread> threads, long id) {
    for (SentryThread thread : threads) {
      if (thread.getId() == id) {
        return thread;
      }
    }
    throw new AssertionError("no thread " + id + " in " + threads);
  }
}
