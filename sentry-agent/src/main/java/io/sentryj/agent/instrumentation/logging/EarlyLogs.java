package io.sentryj.agent.instrumentation.logging;

import io.sentryj.integration.LogLevel;
import io.sentryj.internal.logging.LogRecords;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Where records go from the agent's first instant until the SDK has started beside the application:
 * a record that would be an event waits for the start (at most {@link #WAIT_MILLIS}, as an uncaught
 * exception does), then is captured as usual, on its own thread; one that would be a breadcrumb or
 * a log is kept (the newest {@link #KEPT}, its text and parameters copied as strings on the logging
 * thread) and captured once the SDK runs, before any later record. So a job that logs an error in
 * its first millisecond and exits still sends it.
 */
final class EarlyLogs implements LogSink {
  static final int KEPT = 100;
  static final long WAIT_MILLIS = 10_000;

  private final LogLevel eventLevel;
  private final LogLevel lowest;
  private final ArrayDeque<Kept> kept = new ArrayDeque<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile @Nullable LoggingCapture capture;

  EarlyLogs(LogLevel eventLevel, LogLevel lowest) {
    this.eventLevel = eventLevel;
    this.lowest = lowest;
  }

  @Override
  public boolean wants(int library, int level) {
    return LoggingCapture.levelOf(library, level).isAtLeast(lowest);
  }

  @Override
  public void record(
      int library,
      int level,
      @Nullable String logger,
      @Nullable String formatted,
      @Nullable String template,
      @Nullable Object @Nullable [] params,
      @Nullable String thread,
      long timestampMillis,
      @Nullable Map<String, String> mdc,
      @Nullable Object markers,
      @Nullable Throwable thrown) {
    if (LogRecords.isSdkOwn(logger)) {
      return;
    }
    if (LoggingCapture.levelOf(library, level).isAtLeast(eventLevel)) {
      LoggingCapture c = awaitCapture();
      if (c != null) {
        c.record(
            library,
            level,
            logger,
            formatted,
            template,
            params,
            thread,
            timestampMillis,
            mdc,
            markers,
            thrown);
      }
      return;
    }
    String text = formatted != null ? formatted : LogRecords.formatJul(template, params);
    Kept record =
        new Kept(
            library,
            level,
            logger,
            text,
            template,
            strings(params),
            thread,
            timestampMillis,
            mdc != null ? new HashMap<>(mdc) : null,
            markerText(markers));
    LoggingCapture c = capture;
    if (c != null) {
      c.replay(record); // the SDK started while this record was read
      return;
    }
    synchronized (kept) {
      if (kept.size() == KEPT) {
        kept.poll();
      }
      kept.add(record);
    }
  }

  private @Nullable LoggingCapture awaitCapture() {
    try {
      started.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return capture;
  }

  /** The SDK runs: the kept records are captured, in order, and waiting events go on. */
  void started(LoggingCapture running) {
    capture = running;
    List<Kept> records;
    synchronized (kept) {
      records = new ArrayList<>(kept);
      kept.clear();
    }
    for (Kept record : records) {
      running.replay(record);
    }
    started.countDown();
  }

  /** The SDK will not run: waiting events go on, uncaptured, and nothing more is kept. */
  void failed() {
    synchronized (kept) {
      kept.clear();
    }
    started.countDown();
  }

  private static @Nullable Object @Nullable [] strings(@Nullable Object @Nullable [] params) {
    if (params == null) {
      return null;
    }
    Object[] copy = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      copy[i] = String.valueOf(params[i]);
    }
    return copy;
  }

  private static @Nullable String markerText(@Nullable Object markers) {
    if (markers instanceof Collection) {
      return ((Collection<?>) markers).isEmpty() ? null : String.valueOf(markers);
    }
    return markers != null ? String.valueOf(markers) : null;
  }

  @Override
  public String toString() {
    return "EarlyLogs{kept=" + kept.size() + '}';
  }

  /** A record kept until the SDK runs, its data copied. */
  static final class Kept {
    final int library;
    final int level;
    final @Nullable String logger;
    final @Nullable String formatted;
    final @Nullable String template;
    final @Nullable Object @Nullable [] params;
    final @Nullable String thread;
    final long timestampMillis;
    final @Nullable Map<String, String> mdc;
    final @Nullable String markers;

    Kept(
        int library,
        int level,
        @Nullable String logger,
        @Nullable String formatted,
        @Nullable String template,
        @Nullable Object @Nullable [] params,
        @Nullable String thread,
        long timestampMillis,
        @Nullable Map<String, String> mdc,
        @Nullable String markers) {
      this.library = library;
      this.level = level;
      this.logger = logger;
      this.formatted = formatted;
      this.template = template;
      this.params = params;
      this.thread = thread;
      this.timestampMillis = timestampMillis;
      this.mdc = mdc;
      this.markers = markers;
    }

    @Override
    public String toString() {
      return "Kept{" + logger + ": " + formatted + '}';
    }
  }
}
