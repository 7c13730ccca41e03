package io.sentryj.internal.transport;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.EnvelopeItem;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.envelope.EnvelopeParser;
import io.sentryj.internal.envelope.ParsedEnvelope;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Starts requests and applies their answers, for the processor's worker, like OkHttp's {@code
 * Dispatcher}: the oldest stored envelopes go out as {@link SendAttempt}s on threads of its own,
 * {@code <name>-http}, never more at once than the {@link DeliveryPolicy} allows (a bounded number
 * in flight; one probe after a failure), and each answer removes, keeps or drops its envelope in
 * the {@link OutboxStore}. The worker never waits for the network: building the HTTP client, TLS,
 * compressing, sending and waiting all happen on those threads. Files an earlier run left are
 * adopted there too.
 *
 * <p>{@link #dispatch}, {@link #sent} and {@link #running} are the worker's; the rest is
 * thread-safe.
 */
final class Dispatcher {
  private final OutboxStore store;
  private final DeliveryPolicy policy;
  private final DiscardRecorder recorder;
  private final Sender sender;
  private final SendAttempt attempt;
  private final Consumer<Message> post;
  private final int memoryRetries;
  private final ThreadPoolExecutor executor;
  // every thread the executor made, so that shutdown returns only once they have ended
  private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private int running; // started and not yet seen back

  Dispatcher(
      TransportConfig config,
      Sender sender,
      OutboxStore store,
      DeliveryPolicy policy,
      DiscardRecorder recorder,
      MemoryBudget memory,
      Consumer<Message> post) {
    this.store = store;
    this.policy = policy;
    this.recorder = recorder;
    this.sender = sender;
    this.post = post;
    this.memoryRetries = config.memoryRetries;
    this.attempt =
        new SendAttempt(config, sender, store.files(), policy.limiter(), recorder, memory);
    int size = config.maxInFlight + 1; // one more for adopting files
    this.executor =
        new ThreadPoolExecutor(
            size,
            size,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<Runnable>(),
            task -> {
              Thread t = new Thread(task, config.threadName + "-http");
              t.setDaemon(true);
              threads.add(t);
              return t;
            });
    executor.allowCoreThreadTimeOut(true); // an idle SDK keeps no sending thread
  }

  /** Requests started and not yet seen back. */
  int running() {
    return running;
  }

  /** Envelopes Sentry accepted so far (client reports alone aside). */
  long delivered() {
    return delivered.get();
  }

  /** Requests that got no answer, or 502, 503 or 504, so far. */
  long failed() {
    return failed.get();
  }

  /**
   * Drops what a rate limit covers entirely (protocol section 4: drop, not queue), then starts the
   * oldest envelopes while the policy allows and {@code deadline} has not passed.
   */
  void dispatch(long now, long deadline) {
    if (policy.limiter().isAnyLimited()) {
      for (StoredEnvelope e : store.waiting()) {
        if (policy.allLimited(e.categories)) {
          store.drop(e, DiscardReason.RATELIMIT_BACKOFF);
        }
      }
    }
    while (now < deadline && policy.mayStart(running, now)) {
      StoredEnvelope e = store.next();
      if (e == null) {
        return;
      }
      e.inFlight = true;
      running++;
      io.sentryj.internal.envelope.ClientReportWriter.Report report =
          e.reportOnly ? null : policy.takeReport(false);
      executor.execute(() -> post.accept(attempt.run(e, report)));
    }
  }

  /**
   * Applies what became of a request to its envelope. After close cancelled the requests ({@code
   * cancelled}), one to retry stays in the outbox for the next start.
   */
  void sent(Message.Sent s, boolean cancelled) {
    StoredEnvelope e = s.envelope;
    if (e.inFlight) {
      e.inFlight = false;
      running--;
    }
    SendResult r = s.result;
    if (r == null || !r.accepted()) {
      policy.restore(s.report); // the counts that rode along go again
    }
    if (r == null) {
      if (s.notSent == Message.Sent.NotSent.CORRUPT) {
        store.setAside(e, "not a whole envelope");
      } else {
        store.remove(e); // gone, or every item counted as rate limited
      }
      return;
    }
    DeliveryPolicy.Verdict v = policy.judge(e, r);
    if (v == DeliveryPolicy.Verdict.DELIVERED && !e.reportOnly) {
      delivered.incrementAndGet();
    } else if (v == DeliveryPolicy.Verdict.RETRY || v == DeliveryPolicy.Verdict.LOST) {
      failed.incrementAndGet();
    }
    if (v == DeliveryPolicy.Verdict.DELIVERED || v == DeliveryPolicy.Verdict.LIMITED) {
      store.remove(e); // a 429 counts nothing: Sentry counted it (protocol section 5)
    } else if (v == DeliveryPolicy.Verdict.REJECTED) {
      store.drop(e, DiscardReason.SEND_ERROR);
    } else if (v == DeliveryPolicy.Verdict.LOST) {
      store.drop(e, DiscardReason.NETWORK_ERROR);
    } else if (!e.isStored() && !cancelled && memoryRetries >= 0 && ++e.attempts > memoryRetries) {
      store.drop(e, r.error != null ? DiscardReason.NETWORK_ERROR : DiscardReason.SEND_ERROR);
      Diagnostics.warn("an envelope could not be delivered (%s); dropped", r);
    }
  }

  /**
   * Adopts, off the worker, the files of runs that are gone: each read once, so that one that is
   * not a whole envelope is set aside (and counted) before it could be sent; the rest is posted as
   * {@link Message.Adopted}.
   */
  void adopt(OutboxFiles outbox) {
    executor.execute(
        () -> {
          List<StoredEnvelope> adopted = new ArrayList<>();
          try {
            for (Path p : outbox.adoptOrphans()) {
              StoredEnvelope e = readAdopted(outbox, p);
              if (e != null) {
                adopted.add(e);
              }
            }
          } catch (Throwable t) { // an OutOfMemoryError included: the rest waits for next time
            Diagnostics.warn("adopting outbox files failed: %s", t);
          }
          post.accept(new Message.Adopted(adopted));
        });
  }

  private @Nullable StoredEnvelope readAdopted(OutboxFiles outbox, Path p) {
    try {
      byte[] bytes = outbox.read(p);
      ParsedEnvelope parsed = EnvelopeParser.parse(bytes);
      List<DataCategory> categories = new ArrayList<>();
      boolean reportOnly = true;
      for (EnvelopeItem item : parsed.envelope().items()) {
        categories.add(item.category());
        reportOnly &= item.category() == DataCategory.INTERNAL;
      }
      boolean hasEventId = parsed.eventId() != null;
      return new StoredEnvelope(0, p, null, bytes.length, categories, hasEventId, reportOnly);
    } catch (NoSuchFileException gone) {
      return null;
    } catch (IOException | RuntimeException e) {
      Diagnostics.warn("a stored envelope is unreadable and set aside: %s", e.getMessage());
      outbox.moveAside(p);
      recorder.record(DiscardReason.INTERNAL_SDK_ERROR, DataCategory.DEFAULT, 1);
      return null;
    }
  }

  /** Cancels every request under way: each comes back at once, as failed. */
  void cancelAll() {
    sender.cancelAll();
  }

  /** Ends every sending thread and the sender's own, within about {@code timeoutMillis}. */
  void shutdown(long timeoutMillis) {
    long deadline = DeliveryPolicy.now() + timeoutMillis;
    executor.shutdown();
    sender.cancelAll();
    try {
      if (!executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
      for (Thread t : new ArrayList<>(threads)) {
        t.join(left(deadline)); // terminated is said a moment before the last thread ends
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.close(left(deadline));
  }

  private static long left(long deadline) {
    return Math.max(100, deadline - DeliveryPolicy.now());
  }

  @Override
  public String toString() {
    return "Dispatcher{" + sender + ", running=" + running + '}';
  }
}
