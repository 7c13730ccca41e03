package io.sentryj;

import io.sentryj.protocol.SentryEvent;
import org.jspecify.annotations.Nullable;

/**
 * The last chance to change or drop an event before it is sampled and sent. Returning null drops it
 * (counted as {@code before_send}); a callback that throws lets the event through unchanged, with
 * one diagnostic line.
 *
 * <pre>{@code
 * Sentry.init(o -> o.dsn("...").beforeSend((event, hint) ->
 *     hint.throwable() instanceof ClientAbortException ? null : event));
 * }</pre>
 */
@FunctionalInterface
public interface BeforeSendCallback {
  /** Returns the event to send, or null to drop it. */
  @Nullable SentryEvent execute(SentryEvent event, Hint hint);
}
