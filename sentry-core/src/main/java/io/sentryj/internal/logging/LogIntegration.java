package io.sentryj.internal.logging;

import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.config.BuilderAccess;
import io.sentryj.internal.config.OptionText;
import io.sentryj.internal.integration.LogBatcher;
import io.sentryj.internal.pipeline.SentryClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a logging module (an appender or handler configured by its host's configuration) does with
 * the SDK, written once for every logging library: connects to the running SDK or starts one from
 * the module's settings, and sends each record on as its level asks: at or above {@code
 * minimumEventLevel} an event, else at or above {@code minimumBreadcrumbLevel} a breadcrumb, and at
 * or above {@code minimumLogLevel} a structured log when {@code logs.enabled}. Thread-safe.
 *
 * <p>An SDK the modules started is shared by all of them and closed when the last one releases it:
 * a logging library that reconfigures starts the new appender before it stops the old one, and the
 * SDK must outlive that.
 *
 * <pre>{@code
 * LogIntegration sdk = LogIntegration.builder("auto.log.log4j2").contextTags(tags).build();
 * sdk.bind(dsn, options, "log4j2 appender Sentry", null); // when the appender starts
 * if (sdk.wants(level) && !LogRecords.isSdkRecord(loggerName)) sdk.record(data);
 * sdk.release(); // when it stops
 * }</pre>
 */
public final class LogIntegration {
  private static final Object LOCK = new Object();
  // the SDK started by logging modules, and how many of them use it; guarded by LOCK
  private static @Nullable SentryRuntime shared;
  private static int sharers;

  private final LogRecordMapper mapper;
  private final LogLevel eventLevel;
  private final LogLevel breadcrumbLevel;
  private final LogLevel logLevel;
  private final LogLevel lowestLevel;
  private boolean sharing; // guarded by LOCK

  private LogIntegration(Builder b) {
    this.mapper = new LogRecordMapper(b.origin, b.hintKey, b.contextTags);
    this.eventLevel = b.eventLevel;
    this.breadcrumbLevel = b.breadcrumbLevel;
    this.logLevel = b.logLevel;
    LogLevel low = eventLevel.isAtLeast(breadcrumbLevel) ? breadcrumbLevel : eventLevel;
    this.lowestLevel = low.isAtLeast(logLevel) ? logLevel : low;
  }

  /**
   * A builder.
   *
   * @param origin the mechanism type of logged throwables and {@code sentry.origin} of logs, such
   *     as {@code auto.log.log4j2}
   */
  public static Builder builder(String origin) {
    return new Builder(origin);
  }

  /** Those of the keys that are no SDK option ({@code sentry.properties} keys, {@code tags.*}). */
  public static List<String> unknownOptions(Collection<String> keys) {
    Set<String> known = BuilderAccess.get().keys();
    List<String> unknown = new ArrayList<>();
    for (String key : keys) {
      if (!known.contains(key) && !(key.startsWith("tags.") && key.length() > 5)) {
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
      SentryRuntime running = SentryRuntime.current();
      if (running != null) {
        if (running == shared && !sharing) {
          sharing = true;
          sharers++;
        }
        return dsn != null || !options.isEmpty()
            ? Binding.RUNNING_SETTINGS_IGNORED
            : Binding.RUNNING;
      }
      Sentry.init(builder -> configure(builder, dsn, options, origin, transport));
      SentryRuntime started = SentryRuntime.current();
      if (started == null) {
        return Binding.OFF;
      }
      shared = started;
      sharers = 1;
      sharing = true;
      return Binding.STARTED;
    }
  }

  private static void configure(
      SentryOptions.Builder builder,
      @Nullable String dsn,
      Map<String, String> options,
      String origin,
      @Nullable Function<SentryOptions, Transport> transport) {
    BuilderAccess access = BuilderAccess.get();
    if (dsn != null) {
      access.option(builder, new OptionText("dsn", dsn, origin));
    }
    for (Map.Entry<String, String> option : options.entrySet()) {
      access.option(builder, new OptionText(option.getKey(), option.getValue(), origin));
    }
    if (transport != null) {
      builder.transportFactory(transport);
    }
  }

  /** Whether a record of this level becomes anything: the cheap check before reading a record. */
  public boolean wants(LogLevel level) {
    return level.isAtLeast(lowestLevel);
  }

  /**
   * Sends the record to the running SDK as its level asks; nothing when none runs. Does not check
   * {@link LogRecords#isSdkRecord}: the caller does, before it reads the record.
   */
  public void record(LogRecordData record) {
    LogLevel level = record.level();
    record(
        record,
        level.isAtLeast(eventLevel),
        level.isAtLeast(breadcrumbLevel),
        level.isAtLeast(logLevel));
  }

  /**
   * Sends the record on as the caller decided, for a library whose levels are finer than {@link
   * LogLevel} ({@code java.util.logging}'s {@code CONFIG} and {@code FINE} are both debug): an
   * event, else a breadcrumb, and a structured log.
   */
  public void record(LogRecordData record, boolean asEvent, boolean asBreadcrumb, boolean asLog) {
    SentryRuntime runtime = SentryRuntime.current();
    if (runtime == null) {
      return;
    }
    SentryClient client = runtime.client();
    if (asEvent) {
      mapper.captureEvent(client, record);
    } else if (asBreadcrumb) {
      mapper.addBreadcrumb(client, record);
    }
    LogBatcher logs = runtime.logBatcher();
    if (logs != null && asLog) {
      logs.add(mapper.logRecord(client, record));
    }
  }

  /** Waits at most this long for the running SDK's queued events and logs. */
  public void flush(long timeoutMillis) {
    SentryRuntime runtime = SentryRuntime.current();
    if (runtime != null) {
      runtime.client().flush(timeoutMillis);
    }
  }

  /** Lets go of a shared SDK, closing it if this was its last user; idempotent. */
  public void release() {
    synchronized (LOCK) {
      if (!sharing) {
        return;
      }
      sharing = false;
      sharers--;
      if (sharers == 0 && shared != null && shared == SentryRuntime.current()) {
        shared = null;
        Sentry.close();
      }
    }
  }

  @Override
  public String toString() {
    return "LogIntegration{"
        + mapper
        + ", event>="
        + eventLevel
        + ", breadcrumb>="
        + breadcrumbLevel
        + ", log>="
        + logLevel
        + '}';
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
    OFF
  }

  /** Builds a {@link LogIntegration}: thresholds ERROR, INFO and INFO unless set. */
  public static final class Builder {
    private final String origin;
    private @Nullable String hintKey;
    private Set<String> contextTags = Collections.emptySet();
    private LogLevel eventLevel = LogLevel.ERROR;
    private LogLevel breadcrumbLevel = LogLevel.INFO;
    private LogLevel logLevel = LogLevel.INFO;

    private Builder(String origin) {
      this.origin = origin;
    }

    /** The hint entry holding the library's own record for {@code beforeSend}. */
    public Builder hintKey(@Nullable String key) {
      this.hintKey = key;
      return this;
    }

    /** The MDC keys whose values become tags of events instead of entries of the MDC context. */
    public Builder contextTags(Collection<String> keys) {
      this.contextTags = Collections.unmodifiableSet(new LinkedHashSet<>(keys));
      return this;
    }

    public Builder minimumEventLevel(LogLevel level) {
      this.eventLevel = level;
      return this;
    }

    public Builder minimumBreadcrumbLevel(LogLevel level) {
      this.breadcrumbLevel = level;
      return this;
    }

    public Builder minimumLogLevel(LogLevel level) {
      this.logLevel = level;
      return this;
    }

    public LogIntegration build() {
      return new LogIntegration(this);
    }

    @Override
    public String toString() {
      return "LogIntegration.Builder{origin=" + origin + '}';
    }
  }
}
