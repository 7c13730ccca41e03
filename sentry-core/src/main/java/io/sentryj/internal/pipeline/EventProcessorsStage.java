package io.sentryj.internal.pipeline;

import io.sentryj.DiscardReason;
import io.sentryj.EventProcessor;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.protocol.SentryEvent;
import org.jspecify.annotations.Nullable;

/**
 * Runs the event processors in order: the options' first, then the global, isolation and current
 * scopes'. One that returns null drops the event; one that throws is skipped.
 */
final class EventProcessorsStage implements Stage {
  @Override
  public @Nullable SentryEvent apply(SentryEvent event, Capture capture) {
    SentryEvent result = event;
    for (EventProcessor processor : capture.processors) {
      SentryEvent next;
      try {
        next = processor.process(result, capture.hint);
      } catch (Throwable t) {
        Diagnostics.error("event processor " + processor + " threw; it is skipped", t);
        continue;
      }
      if (next == null) {
        Diagnostics.debug("event %s dropped by event processor %s", event.getEventId(), processor);
        return null;
      }
      result = next;
    }
    return result;
  }

  @Override
  public DiscardReason discardReason() {
    return DiscardReason.EVENT_PROCESSOR;
  }

  @Override
  public String toString() {
    return "EventProcessorsStage";
  }
}
