package io.sentryj.integration;

import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a module configured by its host's configuration (a logging appender or handler) comes to an
 * SDK: it uses the running one, or starts one from its own settings. An SDK the modules started is
 * shared by all of them and closed when the last one releases it: a logging library that
 * reconfigures starts the new appender before it stops the old one, and the SDK must outlive that.
 * An SDK started in code is never closed by a module. Thread-safe.
 *
 * <pre>{@code
 * SharedSdk share = new SharedSdk();
 * share.bind(dsn, options, "log4j2 appender SENTRY", null); // when the appender starts
 * share.release();                                           // when it stops
 * }</pre>
 */
public final class SharedSdk {
  private static final Object LOCK = new Object();
  // the SDK the modules started, and how many of them use it; guarded by LOCK
  private static @Nullable Sdk shared;
  private static int users;

  private boolean using; // guarded by LOCK

  /** A share that uses nothing yet. */
  public SharedSdk() {}

  /** Those of the keys that are no SDK option ({@code sentry.properties} keys, {@code tags.*}). */
  public static List<String> unknownOptions(Collection<String> keys) {
    List<String> unknown = new ArrayList<>();
    for (String key : keys) {
      if (!TextOptions.isKnown(key)) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  /**
   * Uses the running SDK, or starts one from these settings completed by the external configuration
   * (system properties, environment, {@code sentry.properties}).
   *
   * @param origin where the settings come from, named by messages about a bad value
   * @param transport for tests: the transport of an SDK this starts, or null
   * @throws IllegalArgumentException if a setting is invalid, naming it
   */
  public Binding bind(
      @Nullable String dsn,
      Map<String, String> options,
      String origin,
      @Nullable Function<SentryOptions, Transport> transport) {
    synchronized (LOCK) {
      Sdk running = Sdk.current();
      if (running != null) {
        if (running == shared && !using) {
          using = true;
          users++;
        }
        return dsn != null || !options.isEmpty()
            ? Binding.RUNNING_SETTINGS_IGNORED
            : Binding.RUNNING;
      }
      Sentry.init(builder -> configure(builder, dsn, options, origin, transport));
      Sdk started = Sdk.current();
      if (started == null) {
        return Binding.OFF;
      }
      shared = started;
      users = 1;
      using = true;
      return Binding.STARTED;
    }
  }

  private static void configure(
      SentryOptions.Builder builder,
      @Nullable String dsn,
      Map<String, String> options,
      String origin,
      @Nullable Function<SentryOptions, Transport> transport) {
    if (dsn != null) {
      TextOptions.set(builder, "dsn", dsn, origin);
    }
    for (Map.Entry<String, String> option : options.entrySet()) {
      TextOptions.set(builder, option.getKey(), option.getValue(), origin);
    }
    if (transport != null) {
      builder.transportFactory(transport);
    }
  }

  /** Lets go of a shared SDK, closing it if this was its last user; idempotent. */
  public void release() {
    synchronized (LOCK) {
      if (!using) {
        return;
      }
      using = false;
      users--;
      if (users == 0 && shared != null && shared == Sdk.current()) {
        shared = null;
        Sentry.close();
      }
    }
  }

  @Override
  public String toString() {
    synchronized (LOCK) {
      return "SharedSdk{using=" + using + ", users=" + users + '}';
    }
  }

  /** What {@link #bind} found. */
  public enum Binding {
    /** The SDK was running already and is used. */
    RUNNING,
    /** The SDK was running already and is used; the module's own DSN and options are not. */
    RUNNING_SETTINGS_IGNORED,
    /** The SDK was started from the module's settings. */
    STARTED,
    /** No DSN anywhere: the SDK stays off. */
    OFF;

    /** What to tell the user about this binding of the named module, or null for nothing. */
    public @Nullable String warning(String module) {
      switch (this) {
        case RUNNING_SETTINGS_IGNORED:
          return "Sentry is already initialised: the dsn and options of " + module + " are ignored";
        case OFF:
          return module + " has no DSN (nor does the environment): Sentry is off";
        default:
          return null;
      }
    }
  }
}
