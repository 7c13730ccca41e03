package io.sentryj.internal;

import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.internal.config.Dsn;
import io.sentryj.internal.config.OptionsLoader;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.integration.ShutdownHookIntegration;
import io.sentryj.internal.integration.UncaughtExceptionHandlerIntegration;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.EventDefaults;
import io.sentryj.internal.pipeline.EventParts;
import io.sentryj.internal.pipeline.SdkInfo;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.internal.transport.Transports;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A running SDK: the client and the integrations installed for it. Assembles them from options in
 * one place, so that what a running SDK is made of reads top to bottom.
 */
public final class SentryRuntime {
  private static final List<String> INTEGRATIONS =
      Arrays.asList("UncaughtExceptionHandler", "ShutdownHook");

  private final SentryClient client;
  private final @Nullable UncaughtExceptionHandlerIntegration uncaughtHandler;
  private final @Nullable ShutdownHookIntegration shutdownHook;

  private SentryRuntime(
      SentryClient client,
      @Nullable UncaughtExceptionHandlerIntegration uncaughtHandler,
      @Nullable ShutdownHookIntegration shutdownHook) {
    this.client = client;
    this.uncaughtHandler = uncaughtHandler;
    this.shutdownHook = shutdownHook;
  }

  /** Merges code options with the external configuration (unless turned off) and validates them. */
  public static SentryOptions resolveOptions(SentryOptions.Builder fromCode) {
    return OptionsLoader.load(fromCode);
  }

  /**
   * Starts an SDK for these options, or returns null when they deliver nowhere (no DSN, no
   * transport, no outbox-only and no Spotlight), in which case the SDK stays a no-op.
   */
  public static @Nullable SentryRuntime start(SentryOptions options) {
    Function<SentryOptions, Transport> factory = options.transportFactory();
    if (factory == null && !Transports.deliversSomewhere(options)) {
      Diagnostics.info("no DSN configured: the SDK is disabled");
      return null;
    }
    DiscardRecorder recorder = new DiscardRecorder(options.discardListener());
    Transport transport =
        factory != null ? factory.apply(options) : Transports.create(options, recorder);
    EventParts parts = new DefaultEventParts(options);
    EventDefaults defaults = EventDefaults.forOptions(options, SdkInfo.sdkVersion(INTEGRATIONS));
    SentryClient client =
        new SentryClient(options, defaults, parts, transport, recorder, publicKey(options));
    UncaughtExceptionHandlerIntegration handler =
        options.enableUncaughtExceptionHandler()
            ? UncaughtExceptionHandlerIntegration.install(client)
            : null;
    ShutdownHookIntegration hook =
        options.enableShutdownHook() ? ShutdownHookIntegration.install(client) : null;
    Diagnostics.debug("SDK started: %s", client);
    return new SentryRuntime(client, handler, hook);
  }

  private static @Nullable String publicKey(SentryOptions options) {
    String dsn = options.dsn();
    return dsn == null || dsn.isEmpty() ? null : Dsn.parse(dsn).publicKey();
  }

  public SentryClient client() {
    return client;
  }

  /** Removes the integrations and closes the client within the timeout. */
  public void close(long timeoutMillis) {
    UncaughtExceptionHandlerIntegration h = uncaughtHandler;
    if (h != null) {
      h.uninstall();
    }
    ShutdownHookIntegration s = shutdownHook;
    if (s != null) {
      s.uninstall();
    }
    client.close(timeoutMillis);
  }

  @Override
  public String toString() {
    return "SentryRuntime{" + client + '}';
  }
}
