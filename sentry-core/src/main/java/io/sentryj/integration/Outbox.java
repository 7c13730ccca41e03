package io.sentryj.integration;

import io.sentryj.SentryOptions;
import io.sentryj.internal.transport.Transports;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the SDK keeps envelopes on disk until Sentry accepted them (the option {@code outbox-dir}),
 * for tools that show, count or upload what waits there. Each envelope is one file that {@link
 * EnvelopeCodec#parse} reads.
 */
public final class Outbox {
  private Outbox() {}

  /** The outbox directory these options use, or null when they keep no outbox. */
  public static @Nullable Path directory(SentryOptions options) {
    return Transports.outboxDir(options);
  }

  /** How many envelopes wait in an outbox directory; 0 when it does not exist. */
  public static int storedEnvelopes(Path directory) {
    return Transports.storedEnvelopes(directory);
  }
}
