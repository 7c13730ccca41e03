package io.sentryj.internal.pipeline;

import io.sentryj.DiscardReason;
import io.sentryj.SentryId;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.event.ExceptionSource;
import io.sentryj.protocol.SentryEvent;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One failure, one event: a capture whose cause chain holds a throwable of an earlier capture's
 * cause chain (the same throwable, one of its causes, or a wrapper of it) is the same failure seen
 * again, and is not sent. As when a servlet filter reports {@code ServletException(cause=X)} and
 * the container then logs {@code X}, or code logs an exception and rethrows it to a handler that
 * reports it too. It counts when the earlier capture was made in the same isolation scope (the same
 * request), or less than {@link #WINDOW_MILLIS} ago; a throwable an application keeps and throws
 * again later, elsewhere, is reported again.
 *
 * <p>Such a capture is not a loss: it is not counted as a drop (no client report), it prints one
 * debug line, and returns the id of the event already made for the failure.
 *
 * <p>Throwables are compared by identity only ({@link System#identityHashCode} and {@code ==});
 * their {@code hashCode} and {@code equals} are the application's and never run. The last {@value
 * #REMEMBERED} captures are remembered, through weak references, so no throwable or scope is kept
 * alive and the memory is bounded. Thread-safe; the lock is held for a few comparisons only.
 */
final class DeduplicationStage implements Stage {
  /** How many earlier captures are remembered. */
  static final int REMEMBERED = 32;

  /** How long a capture in another scope still counts as the same failure. */
  static final long WINDOW_MILLIS = 10_000;

  private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS);

  private final Object lock = new Object();
  private final @Nullable Seen[] ring = new Seen[REMEMBERED];
  private final LongSupplier nanoClock;
  private int next;

  DeduplicationStage() {
    this(System::nanoTime);
  }

  DeduplicationStage(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  @Override
  public @Nullable SentryEvent apply(SentryEvent event, Capture capture) {
    List<Throwable> chain = causeChain(event);
    if (chain.isEmpty()) {
      return event;
    }
    Object scope = capture.scopes.isolation();
    long now = nanoClock.getAsLong();
    int[] hashes = new int[chain.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = System.identityHashCode(chain.get(i));
    }
    Seen earlier;
    synchronized (lock) {
      earlier = find(chain, hashes, scope, now);
      if (earlier == null) {
        ring[next] = new Seen(chain, hashes, scope, now, event.getEventId());
        next = (next + 1) % REMEMBERED;
        return event;
      }
    }
    capture.duplicateOf = earlier.eventId;
    Diagnostics.debug(
        "event %s is the failure of event %s seen again; not sent",
        event.getEventId(), earlier.eventId);
    return null;
  }

  /** The cause chain read at capture; only the throwable itself when another part made it. */
  private static List<Throwable> causeChain(SentryEvent event) {
    ExceptionSource source = ExceptionSource.of(event);
    if (source != null) {
      return source.snapshot().causeChain();
    }
    Throwable t = event.getThrowable();
    return t == null ? Collections.<Throwable>emptyList() : Collections.singletonList(t);
  }

  private @Nullable Seen find(List<Throwable> chain, int[] hashes, Object scope, long now) {
    for (Seen seen : ring) {
      if (seen != null && (seen.scope.get() == scope || now - seen.nanos < WINDOW_NANOS)) {
        for (int i = 0; i < hashes.length; i++) {
          if (seen.holds(chain.get(i), hashes[i])) {
            return seen;
          }
        }
      }
    }
    return null;
  }

  @Override
  public @Nullable DiscardReason discardReason() {
    return null; // the same failure again is not a loss
  }

  @Override
  public String toString() {
    return "DeduplicationStage{" + REMEMBERED + " captures, " + WINDOW_MILLIS + " ms}";
  }

  /** One capture remembered: its cause chain and scope, weakly, and when it was made. */
  private static final class Seen {
    final WeakReference<?>[] throwables;
    final int[] hashes;
    final WeakReference<Object> scope;
    final long nanos;
    final SentryId eventId;

    Seen(List<Throwable> chain, int[] hashes, Object scope, long nanos, SentryId eventId) {
      this.throwables = new WeakReference<?>[chain.size()];
      for (int i = 0; i < throwables.length; i++) {
        throwables[i] = new WeakReference<>(chain.get(i));
      }
      this.hashes = hashes;
      this.scope = new WeakReference<>(scope);
      this.nanos = nanos;
      this.eventId = eventId;
    }

    boolean holds(Throwable t, int hash) {
      for (int k = 0; k < hashes.length; k++) {
        if (hashes[k] == hash && throwables[k].get() == t) {
          return true;
        }
      }
      return false;
    }
  }
}
