package io.sentryj.internal.pipeline;

import io.sentryj.BeforeSendCallback;
import io.sentryj.DiscardReason;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.protocol.SentryEvent;
import org.jspecify.annotations.Nullable;

/** Runs {@code beforeSend}: null drops the event; a callback that throws lets it through. */
final class BeforeSendStage implements Stage {
  private final BeforeSendCallback callback;

  BeforeSendStage(BeforeSendCallback callback) {
    this.callback = callback;
  }

  @Override
  public @Nullable SentryEvent apply(SentryEvent event, Capture capture) {
    try {
      return callback.execute(event, capture.hint);
    } catch (Throwable t) {
      Diagnostics.error("beforeSend threw; the event is sent unchanged", t);
      return event;
    }
  }

  @Override
  public DiscardReason discardReason() {
    return DiscardReason.BEFORE_SEND;
  }

  @Override
  public String toString() {
    return "BeforeSendStage";
  }
}
