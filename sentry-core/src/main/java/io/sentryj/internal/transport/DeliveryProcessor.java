package io.sentryj.internal.transport;

import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.Transport;
import io.sentryj.internal.envelope.ClientReportWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The default transport: a queue bounded by real bytes, one worker that writes every envelope to
 * the outbox before anything else happens to it, and requests sent beside it; flush and close mean
 * delivered. Shaped like OpenTelemetry's {@code BatchSpanProcessor} over its exporter.
 *
 * <p>{@link #send} only estimates what the envelope holds ({@link EnvelopeItem#retainedBytes()}),
 * takes that room in the {@link MemoryBudget} and enqueues: it never blocks, serializes or does I/O
 * (but a dying thread's fatal event, see {@link DurableWrite}, waits until it is stored). Without
 * room the envelope is dropped and counted {@code queue_overflow}.
 *
 * <p>The worker, {@code sentryj-transport}, takes {@link Message}s in order: each envelope is
 * serialized once ({@link EnvelopeBytes}) into the {@link OutboxStore}, which writes it ahead; the
 * {@link Dispatcher} sends on threads of its own and applies the {@link DeliveryPolicy} to each
 * answer. No write waits behind HTTP.
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
  // how long close lets cancelled requests come back and the threads end
  private static final long CLOSE_GRACE_MILLIS = 2_000;
  // how long a dying thread waits for its fatal event to be stored
  private static final long DURABLE_WAIT_MILLIS = 5_000;
  // what the worker takes from the queue to write at once
  private static final int MAX_BATCH = 64;
  private static final long MAX_BATCH_BYTES = 1024 * 1024;
  private static final long MAX_BATCH_MILLIS = 20;

  private final TransportConfig config;
  private final MemoryBudget memory;
  private final OutboxStore store;
  private final DeliveryPolicy policy;
  private final EnvelopeBytes envelopes;
  private final @Nullable Dispatcher dispatcher;
  private final LinkedBlockingDeque<Message> inbox = new LinkedBlockingDeque<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final Thread worker;

  // the worker's own
  private final List<Message.Flush> waiters = new ArrayList<>();
  private Message.@Nullable Close closing;
  private boolean adopting;
  private long nextReportAt;

  DeliveryProcessor(TransportConfig config, DiscardRecorder recorder) {
    this(config, recorder, httpSender(config));
  }

  private static @Nullable Sender httpSender(TransportConfig config) {
    String url = config.url;
    return url != null ? new OkHttpSender(url, config) : null;
  }

  /** A processor over this sender (tests give a fake); null for an outbox-only one. */
  DeliveryProcessor(TransportConfig config, DiscardRecorder recorder, @Nullable Sender sender) {
    this.config = config;
    this.memory = new MemoryBudget(config.maxQueueSize, config.maxQueueBytes);
    this.policy = new DeliveryPolicy(config, recorder);
    Path dir = config.outboxDir;
    OutboxFiles files = dir != null ? OutboxFiles.open(dir, config.removeParentIfEmpty) : null;
    this.store =
        new OutboxStore(files, recorder, memory, config.outboxMaxItems, config.outboxMaxBytes);
    this.envelopes = new EnvelopeBytes(policy, recorder);
    this.dispatcher =
        sender == null
            ? null
            : new Dispatcher(config, sender, store, policy, recorder, memory, inbox::add);
    this.nextReportAt = DeliveryPolicy.now() + config.clientReportIntervalMillis;
    this.worker = new Thread(this::run, config.threadName);
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void send(Envelope envelope) {
    try {
      long bytes = 256;
      for (EnvelopeItem item : envelope.items()) {
        bytes += item.retainedBytes();
      }
      if (closed.get() || !memory.tryAcquire(bytes)) {
        envelopes.count(envelope.items(), DiscardReason.QUEUE_OVERFLOW);
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
      if (terminated.getCount() == 0 && inbox.remove(q)) {
        unqueue(q); // close finished while this one came in
      }
      if (stored != null) {
        stored.await(DURABLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (Throwable t) {
      envelopes.countFailure(envelope.items(), t);
    }
  }

  @Override
  public boolean flush(long timeoutMillis) {
    Message.Flush request = new Message.Flush(sequence.get());
    if (terminated.getCount() == 0) {
      return store.size() == 0; // closed: true only if nothing was left behind
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
      if (terminated.await(plus(disk - now, 2 * CLOSE_GRACE_MILLIS), TimeUnit.MILLISECONDS)) {
        worker.join(CLOSE_GRACE_MILLIS); // it has said so; now it ends
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean isOurs(Thread t) {
    return t == worker || t.getName().startsWith(config.threadName + "-");
  }

  private static long plus(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }

  @Override
  public boolean isHealthy() {
    return policy.isHealthy();
  }

  /** Envelopes Sentry accepted (2xx) so far. */
  public long deliveredCount() {
    Dispatcher d = dispatcher;
    return d != null ? d.delivered() : 0;
  }

  /** Requests that got no answer, or 502, 503 or 504, so far. */
  long failedAttempts() {
    Dispatcher d = dispatcher;
    return d != null ? d.failed() : 0;
  }

  /** Whether nothing waits: in the queue, the store or on the wire. */
  public boolean isIdle() {
    return queued.get() == 0 && store.size() == 0;
  }

  /** The outbox directory, or null when running memory-only. */
  public @Nullable Path outboxDir() {
    OutboxFiles f = store.files();
    return f != null ? f.dir() : null;
  }

  // ---------------------------------------------------------------- the worker

  private void run() {
    OutboxFiles files = store.files();
    Dispatcher d = dispatcher;
    if (files != null && d != null) {
      adopting = true;
      d.adopt(files);
    }
    boolean done = false;
    while (!done) {
      try {
        Message m = inbox.poll(waitMillis(), TimeUnit.MILLISECONDS);
        if (m != null) {
          handle(m);
        }
        done = step();
      } catch (InterruptedException e) {
        done = true;
      } catch (Throwable t) { // an OutOfMemoryError included: the worker goes on
        envelopes.countFailure(java.util.Collections.<EnvelopeItem>emptyList(), t);
      }
    }
    shutDown();
  }

  private void handle(Message m) {
    if (m instanceof Message.Queued) {
      storeQueued((Message.Queued) m);
    } else if (m instanceof Message.Sent) {
      Dispatcher d = dispatcher;
      if (d != null) {
        d.sent((Message.Sent) m, closing != null && closing.cancelled);
        readoptIfRecovered(d);
      }
    } else if (m instanceof Message.Adopted) {
      store.adopt(((Message.Adopted) m).envelopes);
      adopting = false;
    } else if (m instanceof Message.Flush) {
      waiters.add((Message.Flush) m);
    } else if (m instanceof Message.Close) {
      closing = (Message.Close) m;
    }
  }

  /**
   * Stores this envelope and those queued right behind it: serialized one by one, then written at
   * once (an {@link OutboxBatch} when there are several), so that a burst reaches the disk about as
   * fast as it is serialized.
   */
  private void storeQueued(Message.Queued first) {
    List<Message.Queued> taken = new ArrayList<>();
    List<StoredEnvelope> serialized = new ArrayList<>();
    long bytes = 0;
    long until = DeliveryPolicy.now() + MAX_BATCH_MILLIS;
    try {
      for (Message.Queued q = first; q != null; q = nextQueued(taken.size(), bytes, until)) {
        taken.add(q);
        try {
          StoredEnvelope e = envelopes.serialize(q);
          if (e != null) {
            serialized.add(e);
            bytes += e.size;
          }
        } catch (Throwable t) { // the envelope at hand is lost, and counted
          envelopes.countFailure(q.envelope.items(), t);
        }
      }
      store.putAll(serialized);
    } catch (Throwable t) {
      for (StoredEnvelope e : serialized) {
        envelopes.countFailure(java.util.Collections.<EnvelopeItem>emptyList(), t);
        policy.count(e.categories, DiscardReason.INTERNAL_SDK_ERROR);
      }
    } finally {
      for (Message.Queued q : taken) {
        released(q);
      }
    }
  }

  /** The next envelope of a batch, if one is queued and the batch has room; else null. */
  private Message.@Nullable Queued nextQueued(int count, long bytes, long until) {
    if (count >= MAX_BATCH || bytes >= MAX_BATCH_BYTES || DeliveryPolicy.now() >= until) {
      return null;
    }
    if (inbox.peekFirst() instanceof Message.Queued) {
      Message m = inbox.pollFirst();
      if (m instanceof Message.Queued) {
        return (Message.Queued) m;
      }
      if (m != null) {
        inbox.addFirst(m); // raced with a dying thread's envelope: put back, in order
      }
    }
    return null;
  }

  /** The network is back: what other, gone JVMs left is sent too. */
  private void readoptIfRecovered(Dispatcher d) {
    OutboxFiles files = store.files();
    if (policy.takeRecovered() && files != null && !adopting) {
      adopting = true;
      d.adopt(files);
    }
  }

  /** After each message or wake-up: send, report, answer flushes; true once closing is done. */
  private boolean step() {
    if (store.hasUnsplit() && !(inbox.peekFirst() instanceof Message.Queued)) {
      store.splitSome(); // one file, then back to the queue, which comes first
    }
    long now = DeliveryPolicy.now();
    Message.Close c = closing;
    Dispatcher d = dispatcher;
    if (d != null && (c == null || !c.cancelled)) {
      long deadline = c != null ? c.deadline : Long.MAX_VALUE;
      if (now >= nextReportAt) { // the counted discards alone, when nothing else went for a while
        nextReportAt = now + config.clientReportIntervalMillis;
        if (store.isEmpty()) {
          storeReport(false);
        }
      }
      d.dispatch(now, deadline);
    }
    checkWaiters();
    return c != null && closeStep(c, now);
  }

  private boolean storeReport(boolean forNextStart) {
    ClientReportWriter.Report r = policy.takeReport(forNextStart);
    if (r != null) {
      store.putAll(
          java.util.Collections.singletonList(EnvelopeBytes.report(r, sequence.incrementAndGet())));
    }
    return r != null;
  }

  private void checkWaiters() {
    Iterator<Message.Flush> it = waiters.iterator();
    while (it.hasNext()) {
      Message.Flush w = it.next();
      if (!adopting && (dispatcher == null || store.isSettled(w.target))) {
        w.delivered = true;
        w.done.countDown();
        it.remove();
      } else if (w.abandoned) {
        it.remove(); // its caller stopped waiting
      }
    }
  }

  /**
   * One step of closing: the queue to disk; sending until all is sent or the deadline; the last
   * counts sent if there is time; then what is on the wire cancelled. True once the worker may
   * stop.
   */
  private boolean closeStep(Message.Close c, long now) {
    if ((queued.get() > 0 || store.hasUnsplit()) && now < c.diskDeadline) {
      return false; // the queue to disk, and batches split (what eviction took is not kept)
    }
    Dispatcher d = dispatcher;
    if (!c.cancelled) {
      boolean inTime = d != null && now < c.deadline;
      boolean canSend = d != null && (d.running() > 0 || policy.nextStartAt() < c.deadline);
      if (inTime && canSend && !store.isEmpty()) {
        return false;
      }
      if (d != null && inTime && !c.reportStored && store.isEmpty()) {
        c.reportStored = true;
        if (storeReport(false)) {
          d.dispatch(now, c.deadline); // the last counts, if Sentry takes them in time
          return false;
        }
      }
      c.cancelled = true;
      if (d != null) {
        d.cancelAll(); // each comes back failed: kept for the next start, or counted
      }
    }
    return d == null || d.running() == 0 || now >= plus(c.deadline, CLOSE_GRACE_MILLIS);
  }

  private long waitMillis() {
    long now = DeliveryPolicy.now();
    long wait = 60_000;
    if (store.hasUnsplit()) {
      return 0; // a batch to split: only the queue comes first
    }
    if (dispatcher != null && !store.isEmpty() && policy.nextStartAt() > now) {
      wait = policy.nextStartAt() - now; // the end of a backoff
    }
    if (dispatcher != null && config.sendClientReports) {
      wait = Math.min(wait, nextReportAt - now);
    }
    Message.Close c = closing;
    if (c != null) {
      wait =
          Math.min(wait, (c.cancelled ? plus(c.deadline, CLOSE_GRACE_MILLIS) : c.deadline) - now);
    }
    return Math.max(1, wait);
  }

  /**
   * Ends the threads; settles what is left (envelopes in memory only are counted, files stay for
   * the next start); writes the counts not reported yet to the outbox; releases the outbox.
   */
  private void shutDown() {
    Dispatcher d = dispatcher;
    if (d != null) {
      d.shutdown(CLOSE_GRACE_MILLIS);
    }
    settleLeftovers();
    checkWaiters();
    store.dropMemoryOnly(d != null ? DiscardReason.NETWORK_ERROR : DiscardReason.QUEUE_OVERFLOW);
    if (store.files() != null) {
      storeReport(true);
    }
    policy.retire();
    store.close();
    terminated.countDown();
    settleLeftovers(); // what came in meanwhile; from now on send sees terminated
    for (Message.Flush w : waiters) {
      w.done.countDown();
    }
    waiters.clear();
  }

  private void settleLeftovers() {
    for (Message m; (m = inbox.poll()) != null; ) {
      if (m instanceof Message.Queued) {
        unqueue((Message.Queued) m);
      } else if (m instanceof Message.Sent && dispatcher != null) {
        dispatcher.sent((Message.Sent) m, true);
      } else if (m instanceof Message.Flush) {
        ((Message.Flush) m).done.countDown();
      }
    }
  }

  /** An envelope that leaves the queue without being stored: counted. */
  private void unqueue(Message.Queued q) {
    envelopes.count(q.envelope.items(), DiscardReason.QUEUE_OVERFLOW);
    released(q);
  }

  private void released(Message.Queued q) {
    queued.decrementAndGet();
    memory.release(1, q.retainedBytes);
    CountDownLatch stored = q.stored;
    if (stored != null) {
      stored.countDown();
    }
  }

  @Override
  public String toString() {
    return "DeliveryProcessor{" + config + '}';
  }
}
