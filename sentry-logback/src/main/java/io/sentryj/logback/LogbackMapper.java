package io.sentryj.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.sentryj.integration.LogCapture;
import io.sentryj.integration.LogLevel;
import io.sentryj.integration.LogRecordData;
import io.sentryj.integration.Sdk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Turns a Logback event into a Sentry event, breadcrumb or structured log: reads the event into a
 * {@link LogRecordData} and leaves the rest to the core's {@link LogCapture}, the mapping every
 * logging integration uses. Thread-safe.
 */
final class LogbackMapper {
  /** The mechanism type of logged throwables and the origin of logs (trace-origin style). */
  static final String ORIGIN = "auto.log.logback";

  /** The hint entry holding the {@link ILoggingEvent} an event or breadcrumb was made from. */
  static final String HINT_LOGGING_EVENT = "logback:event";

  /** Whether the Logback on the class path has 1.3's marker list (1.2 has a single marker). */
  private static final boolean HAS_MARKER_LIST = hasMarkerList();

  private final LogCapture capture;

  LogbackMapper(Set<String> contextTags, Level event, Level breadcrumb, Level log) {
    this.capture =
        LogCapture.builder(ORIGIN)
            .hintKey(HINT_LOGGING_EVENT)
            .contextTags(contextTags)
            .minimumEventLevel(level(event))
            .minimumBreadcrumbLevel(level(breadcrumb))
            .minimumLogLevel(level(log))
            .build();
  }

  /** Sends the logging event on as an event or breadcrumb, and a structured log, by its level. */
  void record(Sdk sdk, ILoggingEvent logged) {
    capture.record(sdk, record(logged));
  }

  /** What the core mapper reads; the caller's stack only when an event asks for it. */
  static LogRecordData record(ILoggingEvent logged) {
    return LogRecordData.builder(level(logged.getLevel()), logged.getTimeStamp())
        .loggerName(logged.getLoggerName())
        .message(logged.getMessage(), logged.getFormattedMessage(), logged.getArgumentArray())
        .threadName(logged.getThreadName())
        .mdc(mdc(logged))
        .markers(markers(logged))
        .throwable(throwable(logged))
        .callerData(logged::getCallerData)
        .source(logged)
        .build();
  }

  static LogLevel level(Level level) {
    return LogLevel.fromLogback(level.levelInt);
  }

  /** The event's MDC; empty when its context has no MDC adapter (Logback 1.3+ throws then). */
  static Map<String, String> mdc(ILoggingEvent logged) {
    try {
      Map<String, String> mdc = logged.getMDCPropertyMap();
      return mdc != null ? mdc : Collections.<String, String>emptyMap();
    } catch (RuntimeException e) {
      return Collections.emptyMap();
    }
  }

  /**
   * The event's markers, comma-separated: Logback 1.3+ keeps a list, 1.2 one marker (with its
   * references), which later lines still offer as a deprecated method.
   */
  private static @Nullable String markers(ILoggingEvent logged) {
    List<Marker> markers = HAS_MARKER_LIST ? logged.getMarkerList() : singleMarker(logged);
    if (markers == null || markers.isEmpty()) {
      return null;
    }
    if (markers.size() == 1) {
      return String.valueOf(markers.get(0));
    }
    List<String> names = new ArrayList<>(markers.size());
    for (Marker marker : markers) {
      names.add(String.valueOf(marker));
    }
    return String.join(", ", names);
  }

  @SuppressWarnings("deprecation") // the only marker access of Logback 1.2, called only there
  private static @Nullable List<Marker> singleMarker(ILoggingEvent logged) {
    Marker marker = logged.getMarker();
    return marker == null ? null : Collections.singletonList(marker);
  }

  private static boolean hasMarkerList() {
    try {
      ILoggingEvent.class.getMethod("getMarkerList");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** The logged throwable, when Logback still holds it (not for deserialized events). */
  static @Nullable Throwable throwable(ILoggingEvent logged) {
    IThrowableProxy proxy = logged.getThrowableProxy();
    return proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null;
  }

  @Override
  public String toString() {
    return "LogbackMapper{" + capture + '}';
  }
}
