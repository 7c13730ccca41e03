package io.sentryj.internal.pipeline;

import io.sentryj.protocol.SentryEvent;
import java.io.IOException;

/**
 * What the pipeline needs from event building and serialization, behind one seam so that each can
 * be tested apart.
 */
public interface EventParts {
  /**
   * On the capturing thread: gives the event the throwable, its exception chain to be built lazily
   * (on the worker, when serialized), and the threads if configured.
   */
  void attachException(
      SentryEvent event, Throwable throwable, String mechanismType, boolean handled);

  /** On the capturing thread, for an event without exception: threads or the caller's stack. */
  void attachThreads(SentryEvent event);

  /** The event's JSON payload, at most {@code maxBytes}. Called on the worker thread. */
  byte[] serialize(SentryEvent event, int maxBytes) throws IOException;
}
