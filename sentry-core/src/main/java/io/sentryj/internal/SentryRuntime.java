package io.sentryj.internal;

import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.internal.config.Dsn;
import io.sentryj.internal.config.OptionsLoader;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.integration.LogBatcher;
import io.sentryj.internal.integration.SessionAggregator;
import io.sentryj.internal.integration.ShutdownHookIntegration;
import io.sentryj.internal.integration.UncaughtExceptionHandlerIntegration;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.EventDefaults;
import io.sentryj.internal.pipeline.EventParts;
import io.sentryj.internal.pipeline.SdkInfo;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.internal.transport.Transports;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A running SDK: the client and the integrations installed for it. Assembles them from options in
 * one place, so that what a running SDK is made of reads top to bottom.
 */
public final class SentryRuntime {
  // the core's integrations, as sdk.integrations names them when they are on
  private static final String UNCAUGHT_INTEGRATION = "UncaughtExceptionHandler";
  private static final String SHUTDOWN_HOOK_INTEGRATION = "ShutdownHook";

  // Integrations outside the core that every SDK started from then on names (the agent's
  // instrumentations, installed for the JVM's life), in the order they were named.
  private static final Set<String> NAMED_INTEGRATIONS = new CopyOnWriteArraySet<>();

  // The running SDK: the one global, read by Sentry's static methods and by integrations through
  // Sdk.current(); set when an SDK starts, cleared when it closes.
  private static volatile @Nullable SentryRuntime current;

  private final SentryClient client;
  private final @Nullable SessionAggregator sessions;
  private volatile @Nullable UncaughtExceptionHandlerIntegration uncaughtHandler;
  private volatile @Nullable ShutdownHookIntegration shutdownHook;
  private final @Nullable LogBatcher logBatcher;
  private final RunningSdk sdk;

  private SentryRuntime(
      SentryClient client,
      @Nullable SessionAggregator sessions,
      @Nullable LogBatcher logBatcher,
      @Nullable String publicKey) {
    this.client = client;
    this.sessions = sessions;
    this.logBatcher = logBatcher;
    this.sdk = new RunningSdk(this, publicKey);
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
    EventDefaults defaults =
        EventDefaults.forOptions(options, SdkInfo.sdkVersion(integrations(options)));
    LogBatcher logs =
        options.logsEnabled() ? LogBatcher.start(options, defaults, transport, recorder) : null;
    String publicKey = publicKey(options);
    SentryClient client =
        new SentryClient(options, defaults, parts, transport, recorder, publicKey);
    Diagnostics.debug("SDK started: %s", client);
    SentryRuntime runtime =
        new SentryRuntime(client, sessions(options, transport), logs, publicKey);
    if (options.enableUncaughtExceptionHandler()) {
      // flushes the whole runtime, as Sentry.flush does: queued logs and sessions go out too
      runtime.uncaughtHandler = UncaughtExceptionHandlerIntegration.install(client, runtime::flush);
    }
    if (options.enableShutdownHook()) {
      // the whole runtime, not only the client: the last session aggregates go out too
      runtime.shutdownHook =
          ShutdownHookIntegration.install(() -> runtime.close(options.shutdownTimeoutMillis()));
    }
    current = runtime;
    return runtime;
  }

  /**
   * Names an integration in {@code sdk.integrations} of the events of every SDK started from now
   * on: for integrations installed for the JVM's life before {@code Sentry.init}, such as the
   * agent's instrumentations.
   */
  public static void nameIntegration(String name) {
    NAMED_INTEGRATIONS.add(name);
  }

  /** What {@code sdk.integrations} says: the core's integrations that are on, then the named. */
  static List<String> integrations(SentryOptions options) {
    List<String> names = new ArrayList<>();
    if (options.enableUncaughtExceptionHandler()) {
      names.add(UNCAUGHT_INTEGRATION);
    }
    if (options.enableShutdownHook()) {
      names.add(SHUTDOWN_HOOK_INTEGRATION);
    }
    names.addAll(NAMED_INTEGRATIONS);
    return names;
  }

  /** The SDK started last and not closed since, or null. */
  public static @Nullable SentryRuntime current() {
    return current;
  }

  /** Request-mode release health, which needs a release (protocol section 6). */
  private static @Nullable SessionAggregator sessions(SentryOptions options, Transport transport) {
    if (!options.enableAutoSessionTracking()) {
      return null;
    }
    String release = options.release();
    if (release == null) {
      Diagnostics.debug("no release set: request sessions are not tracked");
      return null;
    }
    return new SessionAggregator(
        transport, release, options.environment(), SessionAggregator.DEFAULT_INTERVAL_MILLIS);
  }

  /** The running SDK's request-session aggregator, or null when none runs. */
  public static @Nullable SessionAggregator currentSessions() {
    SentryRuntime r = current;
    return r == null || r.client.isClosed() ? null : r.sessions;
  }

  /** The running SDK's client, or null before {@code Sentry.init} and after close. */
  public static @Nullable SentryClient currentClient() {
    SentryRuntime r = current;
    return r == null || r.client.isClosed() ? null : r.client;
  }

  /** The running SDK as integrations see it, or null before {@code Sentry.init} and after close. */
  public static @Nullable RunningSdk currentSdk() {
    SentryRuntime r = current;
    return r == null || r.client.isClosed() ? null : r.sdk;
  }

  /** This runtime as integrations see it. */
  public RunningSdk sdk() {
    return sdk;
  }

  @Nullable SessionAggregator sessions() {
    return sessions;
  }

  private static @Nullable String publicKey(SentryOptions options) {
    String dsn = options.dsn();
    return dsn == null || dsn.isEmpty() ? null : Dsn.parse(dsn).publicKey();
  }

  public SentryClient client() {
    return client;
  }

  /** The shutdown hook, or null when {@code enable-shutdown-hook} is off. */
  public @Nullable ShutdownHookIntegration shutdownHook() {
    return shutdownHook;
  }

  /** The structured-log batcher, or null unless {@code logs.enabled}. */
  public @Nullable LogBatcher logBatcher() {
    return logBatcher;
  }

  /**
   * Sends what is queued anywhere in the SDK (session aggregates, logs, events), waiting at most
   * {@code timeoutMillis} for the transport: the one way to flush everything, for {@code
   * Sentry.flush}, integrations ({@code Sdk.flush}) and the uncaught-exception handler.
   */
  public boolean flush(long timeoutMillis) {
    SessionAggregator aggregator = sessions;
    if (aggregator != null) {
      aggregator.flush();
    }
    LogBatcher logs = logBatcher;
    if (logs != null) {
      logs.sendQueued();
    }
    return client.flush(timeoutMillis);
  }

  /** Removes the integrations and closes the client within the timeout. */
  public void close(long timeoutMillis) {
    if (current == this) {
      current = null;
    }
    UncaughtExceptionHandlerIntegration h = uncaughtHandler;
    if (h != null) {
      h.uninstall();
    }
    ShutdownHookIntegration s = shutdownHook;
    if (s != null) {
      s.uninstall();
    }
    SessionAggregator aggregator = sessions;
    if (aggregator != null) {
      aggregator.close(); // before the transport closes: the last aggregates go out through it
    }
    LogBatcher logs = logBatcher;
    if (logs != null) {
      logs.close(timeoutMillis); // likewise: the queued logs go to the transport before it closes
    }
    client.close(timeoutMillis);
  }

  @Override
  public String toString() {
    return "SentryRuntime{" + client + '}';
  }
}
