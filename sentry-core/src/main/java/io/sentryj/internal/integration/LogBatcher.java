package io.sentryj.internal.integration;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.envelope.LogWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.EventDefaults;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Batches structured logs (protocol section 9) into {@code log} envelopes: at most {@value
 * #MAX_PER_ENVELOPE} logs each, sent as soon as that many are queued, every {@value
 * #FLUSH_INTERVAL_MILLIS} ms, on {@link #flush} and at {@link #close}. At most {@value #MAX_QUEUED}
 * logs wait; more are dropped and counted as {@code log_item} and {@code log_byte} (section 5).
 *
 * <p>{@link #add} never blocks and never serializes: that happens on one daemon thread, {@code
 * sentryj-logs}, like OpenTelemetry's {@code BatchLogRecordProcessor}.
 *
 * <pre>{@code
 * LogBatcher logs = LogBatcher.start(options, defaults, transport, recorder);
 * logs.add(record);            // on the application's thread
 * logs.close(timeoutMillis);   // sends what is left
 * }</pre>
 */
public final class LogBatcher {
  /** The most logs one envelope carries. */
  public static final int MAX_PER_ENVELOPE = 100;

  /** The most logs waiting to be sent. */
  public static final int MAX_QUEUED = 1000;

  /** Estimated bytes per envelope, well under the 1 MiB item limit. */
  static final long MAX_BATCH_BYTES = 512 * 1024;

  /** How often queued logs are sent, at the latest. */
  public static final long FLUSH_INTERVAL_MILLIS = 5000;

  private final ArrayBlockingQueue<LogWriter.Record> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
  private final Transport transport;
  private final DiscardRecorder recorder;
  private final EventDefaults defaults;
  private final SentryOptions options;
  private final long intervalMillis;
  private final Object lock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread worker;
  private boolean wakeUp; // guarded by lock
  private volatile @Nullable Map<String, Object> defaultAttributes;

  LogBatcher(
      SentryOptions options,
      EventDefaults defaults,
      Transport transport,
      DiscardRecorder recorder,
      long intervalMillis) {
    this.options = options;
    this.defaults = defaults;
    this.transport = transport;
    this.recorder = recorder;
    this.intervalMillis = intervalMillis;
    this.worker = new Thread(this::run, "sentryj-logs");
    worker.setDaemon(true);
  }

  /** A batcher with its worker started. */
  public static LogBatcher start(
      SentryOptions options,
      EventDefaults defaults,
      Transport transport,
      DiscardRecorder recorder) {
    return start(options, defaults, transport, recorder, FLUSH_INTERVAL_MILLIS);
  }

  static LogBatcher start(
      SentryOptions options,
      EventDefaults defaults,
      Transport transport,
      DiscardRecorder recorder,
      long intervalMillis) {
    LogBatcher batcher = new LogBatcher(options, defaults, transport, recorder, intervalMillis);
    batcher.worker.start();
    return batcher;
  }

  /** Queues a log; drops and counts it when the queue is full or the batcher closed. */
  public void add(LogWriter.Record record) {
    if (closed.get() || !queue.offer(record)) {
      recorder.record(DiscardReason.QUEUE_OVERFLOW, DataCategory.LOG_ITEM, 1);
      recorder.record(
          DiscardReason.QUEUE_OVERFLOW, DataCategory.LOG_BYTE, LogWriter.estimatedBytes(record));
      return;
    }
    if (queue.size() >= MAX_PER_ENVELOPE) {
      wake();
    }
  }

  /** How many logs wait. */
  public int queued() {
    return queue.size();
  }

  /**
   * Hands every queued log to the transport, on the calling thread, then waits for the transport at
   * most {@code timeoutMillis}.
   */
  public boolean flush(long timeoutMillis) {
    sendQueued();
    return transport.flush(timeoutMillis);
  }

  /** Stops the worker and hands what is left to the transport (which the caller then closes). */
  public void close(long timeoutMillis) {
    if (closed.getAndSet(true)) {
      return;
    }
    wake();
    try {
      worker.join(Math.max(1, timeoutMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sendQueued();
  }

  private void wake() {
    synchronized (lock) {
      wakeUp = true;
      lock.notifyAll();
    }
  }

  private void run() {
    while (!closed.get()) {
      try {
        awaitWork();
        sendQueued();
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        Diagnostics.error("sending logs failed", t);
      }
    }
  }

  private void awaitWork() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    synchronized (lock) {
      while (!wakeUp && !closed.get()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          break;
        }
        lock.wait(left);
      }
      wakeUp = false;
    }
  }

  /** Hands every queued log to the transport, on the calling thread. */
  public void sendQueued() {
    List<LogWriter.Record> drained = new ArrayList<>(MAX_PER_ENVELOPE);
    while (queue.drainTo(drained, MAX_PER_ENVELOPE) > 0) {
      // a log item is at most 1 MiB (protocol section 2): long logs go out in smaller batches
      List<LogWriter.Record> batch = new ArrayList<>(drained.size());
      long bytes = 0;
      for (LogWriter.Record record : drained) {
        long size = LogWriter.estimatedBytes(record);
        if (!batch.isEmpty() && bytes + size > MAX_BATCH_BYTES) {
          send(batch);
          batch = new ArrayList<>(drained.size());
          bytes = 0;
        }
        batch.add(record);
        bytes += size;
      }
      send(batch);
      drained = new ArrayList<>(MAX_PER_ENVELOPE);
    }
  }

  private void send(List<LogWriter.Record> batch) {
    try {
      EnvelopeItem item = LogWriter.item(batch, defaultAttributes());
      Map<String, Object> headers = new LinkedHashMap<>();
      Map<String, Object> sdk = new LinkedHashMap<>();
      sdk.put("name", defaults.sdk().getName());
      sdk.put("version", defaults.sdk().getVersion());
      headers.put("sdk", sdk);
      // no trace header: a batch may mix traces (protocol section 9)
      transport.send(new Envelope(null, headers, Collections.singletonList(item)));
    } catch (Throwable t) {
      recorder.record(DiscardReason.INTERNAL_SDK_ERROR, DataCategory.LOG_ITEM, batch.size());
      Diagnostics.error("a batch of logs could not be sent", t);
    }
  }

  /** The attributes every log carries (protocol section 9), made once on the worker. */
  private Map<String, Object> defaultAttributes() {
    Map<String, Object> attributes = defaultAttributes;
    if (attributes == null) {
      attributes = new LinkedHashMap<>();
      attributes.put("sentry.environment", options.environment());
      if (options.release() != null) {
        attributes.put("sentry.release", options.release());
      }
      attributes.put("sentry.sdk.name", defaults.sdk().getName());
      attributes.put("sentry.sdk.version", defaults.sdk().getVersion());
      String server = defaults.serverName();
      if (server != null) {
        attributes.put("server.address", server);
        defaultAttributes = attributes; // keep once the host name is known
      }
    }
    return attributes;
  }

  @Override
  public String toString() {
    return "LogBatcher{queued=" + queue.size() + ", closed=" + closed.get() + '}';
  }
}
