package io.sentryj;

import io.sentryj.protocol.SentryEvent;
import org.jspecify.annotations.Nullable;

/**
 * A step of the event pipeline that may enrich an event or drop it. Processors run in the order
 * they were added: those of the options first, then the scopes' (global, isolation, current). A
 * processor that returns null drops the event (counted as {@code event_processor}); one that throws
 * is skipped with one diagnostic line, and the event goes on.
 */
@FunctionalInterface
public interface EventProcessor {
  /** Returns the event (changed or not), or null to drop it. */
  @Nullable SentryEvent process(SentryEvent event, Hint hint);
}
