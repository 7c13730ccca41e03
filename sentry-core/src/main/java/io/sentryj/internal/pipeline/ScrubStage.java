package io.sentryj.internal.pipeline;

import io.sentryj.DiscardReason;
import io.sentryj.internal.scrub.EventScrubber;
import io.sentryj.protocol.SentryEvent;

/**
 * The privacy rules over the whole event ({@link EventScrubber}), last, after {@code beforeSend}
 * and before anything is serialized or stored. Never drops.
 */
final class ScrubStage implements Stage {
  private final EventScrubber scrubber;

  ScrubStage(EventScrubber scrubber) {
    this.scrubber = scrubber;
  }

  @Override
  public SentryEvent apply(SentryEvent event, Capture capture) {
    scrubber.scrub(event);
    return event;
  }

  @Override
  public DiscardReason discardReason() {
    return DiscardReason.INTERNAL_SDK_ERROR;
  }

  @Override
  public String toString() {
    return "ScrubStage{" + scrubber + '}';
  }
}
