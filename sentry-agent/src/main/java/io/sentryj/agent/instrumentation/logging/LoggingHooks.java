package io.sentryj.agent.instrumentation.logging;

import io.sentryj.agent.bootstrap.LogBridge;
import io.sentryj.integration.LogLevel;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The agent's side of the {@link LogBridge}: hands each library's record to its reader, and the
 * reader's data to the sink of the moment, {@link EarlyLogs} from the agent's first instant, the
 * SDK's {@link LoggingCapture} once it runs. Installed before {@code main}, so that no record is
 * missed; it loads no class of the SDK's until a record is logged.
 */
public final class LoggingHooks implements LogBridge.Hooks {
  private final RecordReader jul = new JulReader();
  private final Readers logback = Readers.logback();
  private final Readers log4j = Readers.log4j();
  private final Readers jboss = Readers.jboss();
  private final Function<String, @Nullable String> settings;
  private final EarlyLogs early;
  private volatile LogSink sink;

  private LoggingHooks(Function<String, @Nullable String> settings) {
    this.settings = settings;
    LogLevel events = LoggingCapture.level(settings, LoggingCapture.EVENT_LEVEL, LogLevel.ERROR);
    LogLevel crumbs =
        LoggingCapture.level(settings, LoggingCapture.BREADCRUMB_LEVEL, LogLevel.INFO);
    LogLevel logs = LoggingCapture.level(settings, LoggingCapture.LOG_LEVEL, LogLevel.INFO);
    LogLevel low = events.isAtLeast(crumbs) ? crumbs : events;
    this.early = new EarlyLogs(events, low.isAtLeast(logs) ? logs : low);
    this.sink = early;
  }

  /** Installs the hooks behind the bridge, with the thresholds of the agent's settings. */
  public static LoggingHooks install(Function<String, @Nullable String> settings) {
    LoggingHooks hooks = new LoggingHooks(settings);
    LogBridge.install(hooks);
    return hooks;
  }

  /** The SDK runs: records go to its capture, starting with those kept since the agent's start. */
  public void sdkStarted() {
    LoggingCapture capture = LoggingCapture.of(settings);
    sink = capture;
    early.started(capture);
  }

  /**
   * The start is over, whichever way it went: no record waits for it any more, and if it did not
   * start the SDK, records are dropped from now on.
   */
  public void startOver() {
    early.failed();
  }

  @Override
  public void logback(Object logger, Object event) {
    logback.get(event.getClass()).read(logger, event, sink);
  }

  @Override
  public void log4j(Object event, Object predicate) {
    log4j.get(event.getClass()).read(predicate, event, sink);
  }

  @Override
  public void log4jAsync(
      Object logger,
      Object level,
      @Nullable Object marker,
      Object message,
      @Nullable Throwable thrown) {
    log4j.get(logger.getClass()).readMessage(logger, level, marker, message, thrown, sink);
  }

  @Override
  public void jul(Object logger, Object record) {
    jul.read(logger, record, sink);
  }

  @Override
  public void jboss(Object logger, Object record) {
    jboss.get(record.getClass()).read(logger, record, sink);
  }

  @Override
  public String toString() {
    return "LoggingHooks{" + sink + '}';
  }
}
