package io.sentryj.internal.integration;

import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.Transport;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.envelope.SessionsWriter;
import io.sentryj.internal.envelope.SessionsWriter.Bucket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Release health in request mode (protocol section 6): one session per request, counted per minute
 * of its start as exited, errored or crashed, and sent as {@code sessions} items every interval and
 * at close. The timer thread ({@code sentryj-sessions}, a daemon) starts with the first request, so
 * an application that serves none runs no thread for it.
 *
 * <pre>{@code
 * aggregator.record(requestStartMillis, errored, crashed); // at each request's end
 * }</pre>
 */
public final class SessionAggregator {
  private static final long CLOSE_WAIT_MILLIS = 2_000;

  /** How often aggregates are sent, as the official SDKs do. */
  public static final long DEFAULT_INTERVAL_MILLIS = 60_000L;

  private final Transport transport;
  private final String release;
  private final String environment;
  private final long intervalMillis;
  private final Map<Long, Counts> buckets = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  private @Nullable ScheduledExecutorService timer; // guarded by lock

  /** An aggregator sending through {@code transport} every {@code intervalMillis}. */
  public SessionAggregator(
      Transport transport, String release, String environment, long intervalMillis) {
    this.transport = transport;
    this.release = release;
    this.environment = environment;
    this.intervalMillis = intervalMillis;
  }

  /**
   * Counts one finished request. {@code crashed} (an exception escaped) wins over {@code errored}
   * (an error event was captured for it); otherwise it exited cleanly.
   */
  public void record(long startedMillis, boolean errored, boolean crashed) {
    if (closed.get()) {
      return;
    }
    long minute = startedMillis - Math.floorMod(startedMillis, 60_000L);
    // inside compute, so that a flush draining this minute cannot take the bucket mid-count
    buckets.compute(
        minute,
        (m, counts) -> {
          Counts c = counts != null ? counts : new Counts();
          (crashed ? c.crashed : errored ? c.errored : c.exited).incrementAndGet();
          return c;
        });
    startTimer();
  }

  private void startTimer() {
    synchronized (lock) {
      if (timer != null || closed.get()) {
        return;
      }
      ScheduledThreadPoolExecutor t =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread thread = new Thread(r, "sentryj-sessions");
                thread.setDaemon(true);
                // not the web application's loader of whichever request started the timer
                thread.setContextClassLoader(SessionAggregator.class.getClassLoader());
                return thread;
              });
      t.setRemoveOnCancelPolicy(true);
      t.scheduleWithFixedDelay(this::flush, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
      timer = t;
    }
  }

  /** How many sessions are counted and not yet sent, for diagnostics and tests. */
  public long pending() {
    long total = 0;
    for (Counts c : buckets.values()) {
      total += c.exited.get() + c.errored.get() + c.crashed.get();
    }
    return total;
  }

  /** Sends what was counted so far; never throws. */
  public void flush() {
    try {
      List<Bucket> drained = drain();
      for (int from = 0; from < drained.size(); from += SessionsWriter.MAX_BUCKETS) {
        List<Bucket> part =
            drained.subList(from, Math.min(drained.size(), from + SessionsWriter.MAX_BUCKETS));
        EnvelopeItem item = SessionsWriter.write(part, release, environment);
        transport.send(new Envelope(null, Collections.<String, Object>emptyMap(), listOf(item)));
      }
    } catch (RuntimeException e) {
      Diagnostics.error("sending session aggregates failed", e);
    }
  }

  private List<Bucket> drain() {
    List<Bucket> drained = new ArrayList<>();
    List<Long> minutes = new ArrayList<>(buckets.keySet());
    Collections.sort(minutes);
    for (Long minute : minutes) {
      Counts c = buckets.remove(minute);
      if (c != null) {
        drained.add(new Bucket(minute, c.exited.get(), c.errored.get(), c.crashed.get()));
      }
    }
    return drained;
  }

  private static List<EnvelopeItem> listOf(EnvelopeItem item) {
    return Collections.singletonList(item);
  }

  /** Stops the timer and sends what is left. Idempotent. */
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    ScheduledExecutorService t;
    synchronized (lock) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdownNow();
      awaitEnd(t);
    }
    flush();
  }

  /**
   * Waits, briefly, until the timer's thread has ended: a container checks for threads left behind
   * right after the application's stop, and an ending thread still counts as running.
   */
  private static void awaitEnd(ExecutorService t) {
    try {
      if (!t.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        Diagnostics.warn("the sessions timer did not end within %d ms", CLOSE_WAIT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "SessionAggregator{release=" + release + ", every " + intervalMillis + " ms}";
  }

  private static final class Counts {
    final AtomicLong exited = new AtomicLong();
    final AtomicLong errored = new AtomicLong();
    final AtomicLong crashed = new AtomicLong();
  }
}
