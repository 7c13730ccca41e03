package io.sentryj.internal.transport;

import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Makes the SDK's own transport for a set of options: HTTP to the DSN's project with a disk outbox
 * (the default), the outbox alone ({@code outbox-only}), and a Spotlight sink beside either ({@code
 * spotlight}).
 */
public final class Transports {
  private Transports() {}

  /**
   * How many envelopes an outbox directory holds, in files of their own and in batches not split
   * yet: what would survive a {@code kill -9} now. For tools and benchmarks; reads the files.
   */
  public static int storedEnvelopes(java.nio.file.Path outboxDir) {
    return OutboxFiles.countStored(outboxDir);
  }

  /** Whether these options deliver anywhere without a transport factory. */
  public static boolean deliversSomewhere(SentryOptions options) {
    return options.hasDsn() || options.outboxOnly() || options.spotlight();
  }

  /** The transport for these options; its drops are counted in {@code recorder}. */
  public static Transport create(SentryOptions options, DiscardRecorder recorder) {
    Transport main;
    if (options.hasDsn() || options.outboxOnly()) {
      main = new DeliveryProcessor(TransportConfig.forOptions(options), recorder);
    } else {
      main = NoopTransport.INSTANCE;
    }
    if (options.outboxOnly() && ((DeliveryProcessor) main).outboxDir() == null) {
      Diagnostics.warn("outbox-only is set but the outbox cannot be used: nothing is kept");
    }
    if (!options.spotlight()) {
      return main;
    }
    // the sink's own losses are not the application's: they go to a recorder nobody reports
    Transport spotlight =
        new DeliveryProcessor(TransportConfig.forSpotlight(options), new DiscardRecorder(null));
    return new TeeTransport(main, spotlight);
  }

  /**
   * The outbox directory these options write envelopes to before they are sent (the configured one,
   * else the default under {@code java.io.tmpdir}), or null when there is none.
   */
  public static @Nullable Path outboxDir(SentryOptions options) {
    return TransportConfig.forOptions(options).outboxDir;
  }
}
