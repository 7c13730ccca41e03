package io.sentryj.internal.pipeline;

import io.sentryj.DiscardReason;
import io.sentryj.protocol.SentryEvent;
import java.util.Map;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Drops a second event made from the same throwable instance, as when code logs an exception and
 * rethrows it to a handler that reports it again. Remembers throwables weakly, so none is kept
 * alive.
 */
final class DeduplicationStage implements Stage {
  private final Object lock = new Object();
  // Throwable does not override equals/hashCode, so this is an identity map
  private final Map<Throwable, Boolean> seen = new WeakHashMap<>();

  @Override
  public @Nullable SentryEvent apply(SentryEvent event, Capture capture) {
    Throwable throwable = event.getThrowable();
    if (throwable == null) {
      return event;
    }
    synchronized (lock) {
      return seen.put(throwable, Boolean.TRUE) == null ? event : null;
    }
  }

  @Override
  public DiscardReason discardReason() {
    return DiscardReason.EVENT_PROCESSOR;
  }

  @Override
  public String toString() {
    return "DeduplicationStage";
  }
}
