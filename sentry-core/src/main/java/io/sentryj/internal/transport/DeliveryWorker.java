package io.sentryj.internal.transport;

import io.sentryj.DiscardReason;
import io.sentryj.EnvelopeItem;
import io.sentryj.internal.envelope.ClientReportWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The {@link DeliveryProcessor}'s worker, {@code sentryj-transport}: takes {@link Message}s in
 * order and alone changes the store, the policy and the flush waiters, so none of them needs a
 * lock. Envelopes are serialized once ({@link EnvelopeBytes}) into the {@link OutboxStore}, which
 * writes them ahead; the {@link Dispatcher} sends on threads of its own and applies the {@link
 * DeliveryPolicy} to each answer, so no write waits behind HTTP. Nothing it does can end it: a
 * failure, an {@link OutOfMemoryError} included, costs at most the envelope at hand, counted.
 */
final class DeliveryWorker implements Runnable {
  // how long close lets cancelled requests come back and the threads end
  static final long CLOSE_GRACE_MILLIS = 2_000;
  // while more than this many envelopes wait to be written, sending gets a turn only every
  // TURN_MILLIS
  private static final int BACKLOG = 16;
  private static final long TURN_MILLIS = 20;

  private final TransportConfig config;
  private final MemoryBudget memory;
  private final LinkedBlockingDeque<Message> inbox;
  private final AtomicInteger queued;
  private final AtomicLong sequence;
  private final OutboxStore store;
  private final DeliveryPolicy policy;
  private final EnvelopeBytes envelopes;
  private final @Nullable Dispatcher dispatcher;
  private final CountDownLatch terminated = new CountDownLatch(1);

  // the worker thread's own
  private final List<Message.Flush> waiters = new ArrayList<>();
  private Message.@Nullable Close closing;
  private boolean adopting;
  private long nextReportAt;
  private long lastTurn;

  DeliveryWorker(
      TransportConfig config,
      DiscardRecorder recorder,
      @Nullable Sender sender,
      MemoryBudget memory,
      LinkedBlockingDeque<Message> inbox,
      AtomicInteger queued,
      AtomicLong sequence) {
    this.config = config;
    this.memory = memory;
    this.inbox = inbox;
    this.queued = queued;
    this.sequence = sequence;
    this.policy = new DeliveryPolicy(config, recorder);
    Path dir = config.outboxDir;
    OutboxFiles files = dir != null ? OutboxDirectory.open(dir, config.removeParentIfEmpty) : null;
    this.store =
        new OutboxStore(files, recorder, memory, config.outboxMaxItems, config.outboxMaxBytes);
    this.envelopes = new EnvelopeBytes(policy, recorder);
    this.dispatcher =
        sender == null
            ? null
            : new Dispatcher(config, sender, store, policy, recorder, memory, inbox::add);
    this.nextReportAt = DeliveryPolicy.now() + config.clientReportIntervalMillis;
  }

  @Override
  public void run() {
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
        envelopes.countFailure(Collections.<EnvelopeItem>emptyList(), t);
      }
    }
    shutDown();
  }

  private void handle(Message m) {
    if (m instanceof Message.Queued) {
      for (Message.Queued q : envelopes.storeBatch((Message.Queued) m, inbox, store)) {
        released(q);
      }
    } else if (m instanceof Message.Sent) {
      Dispatcher d = dispatcher;
      if (d != null) {
        Message.Close c = closing;
        d.sent((Message.Sent) m, c != null && c.cancelled);
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

  /** The network is back: what other, gone JVMs left is sent too. */
  private void readoptIfRecovered(Dispatcher d) {
    OutboxFiles files = store.files();
    if (policy.takeRecovered() && files != null && !adopting) {
      adopting = true;
      d.adopt(files);
    }
  }

  /** After each message or wake-up: send, report, answer flushes; true once closed. */
  private boolean step() {
    long now = DeliveryPolicy.now();
    // what is queued goes to disk first: sending (building the HTTP client, on a cold start)
    // would take the CPU it needs; but it gets its turn at least every so often
    boolean writing = queued.get() > BACKLOG && inbox.peekFirst() instanceof Message.Queued;
    boolean turn = !writing || now - lastTurn >= TURN_MILLIS;
    if (turn) {
      lastTurn = now;
    }
    Message.Close c = closing;
    Dispatcher d = dispatcher;
    if (d != null && turn && (c == null || !c.cancelled)) {
      if (now >= nextReportAt) { // the counted discards alone, when nothing else went for a while
        nextReportAt = now + config.clientReportIntervalMillis;
        if (store.isEmpty()) {
          storeReport(false);
        }
      }
      d.dispatch(now, c != null ? c.deadline : Long.MAX_VALUE);
    }
    checkWaiters();
    return c != null && closeStep(c, now);
  }

  private boolean storeReport(boolean forNextStart) {
    ClientReportWriter.Report r = policy.takeReport(forNextStart);
    if (r != null) {
      store.putAll(Collections.singletonList(EnvelopeBytes.report(r, sequence.incrementAndGet())));
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
    if (queued.get() > 0 && now < c.diskDeadline) {
      return false; // what the queue holds reaches the disk first, whatever the deadline
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
    return d == null
        || d.running() == 0
        || now >= DeliveryProcessor.plus(c.deadline, CLOSE_GRACE_MILLIS);
  }

  private long waitMillis() {
    long now = DeliveryPolicy.now();
    long wait = 60_000;
    if (dispatcher != null && !store.isEmpty() && policy.nextStartAt() > now) {
      wait = policy.nextStartAt() - now; // the end of a backoff
    }
    if (dispatcher != null && config.sendClientReports) {
      wait = Math.min(wait, nextReportAt - now);
    }
    Message.Close c = closing;
    if (c != null) {
      long end = c.cancelled ? DeliveryProcessor.plus(c.deadline, CLOSE_GRACE_MILLIS) : c.deadline;
      wait = Math.min(wait, end - now);
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

  /** An envelope that leaves the queue without being stored: counted. Any thread. */
  void unqueue(Message.Queued q) {
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

  // ---------------------------------------------------------------- for the processor, any thread

  void count(List<EnvelopeItem> items, DiscardReason reason) {
    envelopes.count(items, reason);
  }

  void countFailure(List<EnvelopeItem> items, Throwable t) {
    envelopes.countFailure(items, t);
  }

  boolean isTerminated() {
    return terminated.getCount() == 0;
  }

  boolean awaitTermination(long millis) throws InterruptedException {
    return terminated.await(millis, TimeUnit.MILLISECONDS);
  }

  boolean isEmpty() {
    return store.size() == 0;
  }

  boolean isHealthy() {
    return policy.isHealthy();
  }

  long deliveredCount() {
    Dispatcher d = dispatcher;
    return d != null ? d.delivered() : 0;
  }

  long failedAttempts() {
    Dispatcher d = dispatcher;
    return d != null ? d.failed() : 0;
  }

  @Nullable Path outboxDir() {
    OutboxFiles f = store.files();
    return f != null ? f.dir() : null;
  }

  @Override
  public String toString() {
    return "DeliveryWorker{" + store + ", " + policy + '}';
  }
}
