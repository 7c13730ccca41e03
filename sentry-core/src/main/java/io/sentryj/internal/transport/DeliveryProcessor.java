package io.sentryj.internal.transport;

import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.Transport;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The default transport: a queue bounded by real bytes in front of one worker ({@link
 * DeliveryWorker}) that writes every envelope to the outbox before anything else happens to it,
 * with requests sent beside it; flush and close mean delivered. Shaped like OpenTelemetry's {@code
 * BatchSpanProcessor} over its exporter.
 *
 * <p>{@link #send} only estimates what the envelope holds ({@link EnvelopeItem#retainedBytes()}),
 * takes that room in the {@link MemoryBudget} and enqueues: it never blocks, serializes or does I/O
 * (but a dying thread's fatal event, see {@link DurableWrite}, waits until it is stored). Without
 * room the envelope is dropped and counted {@code queue_overflow}.
 *
 * <p>{@link #flush} returns true once everything captured before it was delivered (2xx) or dropped
 * and counted: stored is not delivered, so it retries until its timeout. {@link #close} does the
 * same until its deadline (what the queue holds is written first, whatever the deadline), cancels
 * what is still on the wire, writes the counts it could not report to the outbox for the next
 * start, and returns once every thread it or its HTTP client started has ended.
 */
public final class DeliveryProcessor implements Transport {
  // the disk gets at least this long at close to take what the queue holds
  private static final long CLOSE_DISK_MILLIS = 10_000;
  // how long a dying thread waits for its fatal event to be stored
  private static final long DURABLE_WAIT_MILLIS = 5_000;

  private final TransportConfig config;
  private final MemoryBudget memory;
  private final LinkedBlockingDeque<Message> inbox = new LinkedBlockingDeque<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final DeliveryWorker worker;
  private final Thread thread;

  DeliveryProcessor(TransportConfig config, DiscardRecorder recorder) {
    this(config, recorder, httpSender(config));
  }

  /** A processor over this sender (tests give a fake); null for an outbox-only one. */
  DeliveryProcessor(TransportConfig config, DiscardRecorder recorder, @Nullable Sender sender) {
    this.config = config;
    this.memory = new MemoryBudget(config.maxQueueSize, config.maxQueueBytes);
    this.worker = new DeliveryWorker(config, recorder, sender, memory, inbox, queued, sequence);
    this.thread = new Thread(worker, config.threadName);
    thread.setDaemon(true);
    thread.start();
  }

  private static @Nullable Sender httpSender(TransportConfig config) {
    String url = config.url;
    return url != null ? new OkHttpSender(url, config) : null;
  }

  @Override
  public void send(Envelope envelope) {
    try {
      long bytes = 256;
      for (EnvelopeItem item : envelope.items()) {
        bytes += item.retainedBytes();
      }
      if (closed.get() || !memory.tryAcquire(bytes)) {
        worker.count(envelope.items(), DiscardReason.QUEUE_OVERFLOW);
        return;
      }
      boolean durable = DurableWrite.isActive();
      CountDownLatch stored = durable ? new CountDownLatch(1) : null;
      Message.Queued q = new Message.Queued(envelope, bytes, sequence.incrementAndGet(), stored);
      queued.incrementAndGet();
      if (durable) {
        inbox.addFirst(q); // a dying thread's event goes first
      } else {
        inbox.add(q);
      }
      if (worker.isTerminated() && inbox.remove(q)) {
        worker.unqueue(q); // close finished while this one came in
      }
      if (stored != null) {
        stored.await(DURABLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (Throwable t) {
      worker.countFailure(envelope.items(), t);
    }
  }

  @Override
  public boolean flush(long timeoutMillis) {
    Message.Flush request = new Message.Flush(sequence.get());
    if (worker.isTerminated()) {
      return worker.isEmpty(); // closed: true only if nothing was left behind
    }
    if (isOurs(Thread.currentThread())) {
      return false;
    }
    inbox.add(request);
    try {
      boolean done = request.done.await(timeoutMillis, TimeUnit.MILLISECONDS);
      request.abandoned = !done;
      return done && request.delivered;
    } catch (InterruptedException e) {
      request.abandoned = true;
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close(long timeoutMillis) {
    long now = DeliveryPolicy.now();
    long disk = plus(now, Math.max(timeoutMillis, CLOSE_DISK_MILLIS));
    if (closed.compareAndSet(false, true)) {
      inbox.add(new Message.Close(plus(now, timeoutMillis), disk));
    }
    if (isOurs(Thread.currentThread())) {
      return; // a thread of ours cannot wait for itself
    }
    try {
      long grace = DeliveryWorker.CLOSE_GRACE_MILLIS;
      if (worker.awaitTermination(plus(disk - now, 2 * grace))) {
        thread.join(grace); // it has said so; now it ends
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean isOurs(Thread t) {
    return t == thread || t.getName().startsWith(config.threadName + "-");
  }

  static long plus(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }

  @Override
  public boolean isHealthy() {
    return worker.isHealthy();
  }

  /** Envelopes Sentry accepted (2xx) so far. */
  public long deliveredCount() {
    return worker.deliveredCount();
  }

  /** Requests that got no answer, or 502, 503 or 504, so far. */
  long failedAttempts() {
    return worker.failedAttempts();
  }

  /** Whether nothing waits: in the queue, the store or on the wire. */
  public boolean isIdle() {
    return queued.get() == 0 && worker.isEmpty();
  }

  /** The outbox directory, or null when running memory-only. */
  public @Nullable Path outboxDir() {
    return worker.outboxDir();
  }

  @Override
  public String toString() {
    return "DeliveryProcessor{" + config + '}';
  }
}
