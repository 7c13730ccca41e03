package io.sentryj.internal.pipeline;

import io.sentryj.DiscardReason;
import io.sentryj.internal.event.EventSnapshot;
import io.sentryj.protocol.SentryEvent;

/**
 * Takes the event away from the application once its last callback has run: from here on the
 * pipeline works on a copy of its own, with free-form values frozen (see {@link EventSnapshot}).
 * Never drops.
 */
final class SnapshotStage implements Stage {
  @Override
  public SentryEvent apply(SentryEvent event, Capture capture) {
    return EventSnapshot.of(event);
  }

  @Override
  public DiscardReason discardReason() {
    return DiscardReason.INTERNAL_SDK_ERROR;
  }

  @Override
  public String toString() {
    return "SnapshotStage";
  }
}
