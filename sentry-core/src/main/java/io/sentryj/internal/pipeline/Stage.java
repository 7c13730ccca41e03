package io.sentryj.internal.pipeline;

import io.sentryj.DiscardReason;
import io.sentryj.protocol.SentryEvent;
import org.jspecify.annotations.Nullable;

/** One step of the {@link EventPipeline}: returns the event to go on with, or null to drop it. */
interface Stage {
  /** Processes the event; null drops it, counted under {@link #discardReason()}. */
  @Nullable SentryEvent apply(SentryEvent event, Capture capture);

  /**
   * The reason a drop by this stage is counted under; null when what it holds back is no loss (a
   * failure already reported), so that it is not counted.
   */
  @Nullable DiscardReason discardReason();
}
