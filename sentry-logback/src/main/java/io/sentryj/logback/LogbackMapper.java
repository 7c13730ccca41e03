package io.sentryj.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.sentryj.Breadcrumb;
import io.sentryj.Hint;
import io.sentryj.SentryId;
import io.sentryj.SentryLevel;
import io.sentryj.internal.envelope.LogWriter;
import io.sentryj.internal.event.EventFactory;
import io.sentryj.internal.event.InAppMatcher;
import io.sentryj.internal.event.StackFrameFactory;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.internal.scrub.Scrubber;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryStackTrace;
import io.sentryj.protocol.SentryThread;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Turns a Logback event into a Sentry event or breadcrumb: the mapping written once, for the
 * appender and for anything else that feeds Logback events to the SDK. Thread-safe.
 */
final class LogbackMapper {
  /** The mechanism type of logged throwables and the origin of logs (trace-origin style). */
  static final String ORIGIN = "auto.log.logback";

  /** The hint entry holding the {@link ILoggingEvent} an event or breadcrumb was made from. */
  static final String HINT_LOGGING_EVENT = "logback:event";

  /** The named context holding the MDC. */
  static final String MDC_CONTEXT = "MDC";

  private final Set<String> contextTags;
  // the event factory of the client last used, made again when the SDK is re-initialised
  private volatile @Nullable Bound bound;

  LogbackMapper(Set<String> contextTags) {
    this.contextTags = contextTags;
  }

  /** Captures the logging event as a Sentry event. */
  SentryId captureEvent(SentryClient client, ILoggingEvent logged) {
    SentryEvent event = new SentryEvent(SentryId.random(), logged.getTimeStamp());
    event.setLevel(level(logged.getLevel()));
    event.setLogger(logged.getLoggerName());
    event.setMessage(message(logged));
    addMdc(event, mdc(logged));
    event.getExtra().put("thread_name", String.valueOf(logged.getThreadName()));
    String markers = markers(logged);
    if (markers != null) {
      event.getExtra().put("marker", markers);
    }
    Throwable throwable = throwable(logged);
    Bound b = bound(client);
    if (throwable != null) {
      b.events.attachException(event, throwable, ORIGIN, true);
    } else if (client.options().attachThreads()) {
      b.events.attachThreads(event);
    } else if (client.options().attachStacktrace()) {
      attachCallerStack(event, logged, b.frames);
    }
    Hint hint = Hint.withThrowable(throwable).set(HINT_LOGGING_EVENT, logged);
    return client.captureEvent(event, hint);
  }

  /** Adds the logging event as a breadcrumb to the current scope. */
  void addBreadcrumb(SentryClient client, ILoggingEvent logged) {
    Breadcrumb.Builder crumb =
        Breadcrumb.builder()
            .timestampMillis(logged.getTimeStamp())
            .category(logged.getLoggerName())
            .level(level(logged.getLevel()))
            .message(logged.getFormattedMessage());
    for (Map.Entry<String, String> e : mdc(logged).entrySet()) {
      if (e.getKey() != null && e.getValue() != null) {
        crumb.data(e.getKey(), scrub(e.getKey(), e.getValue()));
      }
    }
    // the hint is only read by beforeBreadcrumb: without one, the common case, it is not made
    Hint hint =
        client.options().beforeBreadcrumb() != null
            ? new Hint().set(HINT_LOGGING_EVENT, logged)
            : null;
    client.addBreadcrumb(crumb.build(), hint);
  }

  /**
   * The logging event as a structured log (protocol section 9): the formatted text as body, the
   * template and parameters as {@code sentry.message.*} attributes, in the current trace.
   */
  LogWriter.Record logRecord(SentryClient client, ILoggingEvent logged) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("sentry.origin", ORIGIN);
    Object[] args = logged.getArgumentArray();
    if (args != null && args.length > 0 && logged.getMessage() != null) {
      attributes.put("sentry.message.template", logged.getMessage());
      for (int i = 0; i < args.length; i++) {
        attributes.put("sentry.message.parameter." + i, attributeValue(args[i]));
      }
    }
    attributes.put("logger.name", logged.getLoggerName());
    attributes.put("thread.name", String.valueOf(logged.getThreadName()));
    return new LogWriter.Record(
        logged.getTimeStamp(),
        client.storage().current().propagationContext().traceId(),
        null,
        logLevel(logged.getLevel()),
        String.valueOf(logged.getFormattedMessage()),
        attributes);
  }

  private static Object attributeValue(@Nullable Object arg) {
    return arg instanceof Boolean || arg instanceof Number ? arg : String.valueOf(arg);
  }

  /** Logback's level in the words of structured logs ({@code warn}). */
  static LogWriter.Level logLevel(Level level) {
    switch (level.levelInt) {
      case Level.ERROR_INT:
        return LogWriter.Level.ERROR;
      case Level.WARN_INT:
        return LogWriter.Level.WARN;
      case Level.INFO_INT:
        return LogWriter.Level.INFO;
      case Level.DEBUG_INT:
        return LogWriter.Level.DEBUG;
      default:
        return LogWriter.Level.TRACE;
    }
  }

  /** Logback's level in the protocol's words for events and breadcrumbs ({@code warning}). */
  static SentryLevel level(Level level) {
    switch (level.levelInt) {
      case Level.ERROR_INT:
        return SentryLevel.ERROR;
      case Level.WARN_INT:
        return SentryLevel.WARNING;
      case Level.INFO_INT:
        return SentryLevel.INFO;
      default:
        return SentryLevel.DEBUG;
    }
  }

  /**
   * The {@code logentry}: template and parameters besides the formatted text, so that lines that
   * differ only in their parameters group into one issue.
   */
  static Message message(ILoggingEvent logged) {
    Message message = new Message();
    message.setFormatted(logged.getFormattedMessage());
    message.setMessage(logged.getMessage());
    Object[] args = logged.getArgumentArray();
    if (args != null && args.length > 0) {
      List<String> params = new ArrayList<>(args.length);
      for (Object arg : args) {
        params.add(String.valueOf(arg));
      }
      message.setParams(params);
    }
    return message;
  }

  private void addMdc(SentryEvent event, Map<String, String> mdc) {
    if (mdc.isEmpty()) {
      return;
    }
    Map<String, Object> context = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : mdc.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (key == null || value == null) {
        continue;
      }
      if (contextTags.contains(key)) {
        event.setTag(key, scrub(key, value));
      } else {
        context.put(key, scrub(key, value));
      }
    }
    if (!context.isEmpty()) {
      event.getContexts().put(MDC_CONTEXT, context);
    }
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

  /** The value, or {@code [Filtered]} when its key names a secret (password, token, ...). */
  static String scrub(String key, String value) {
    return Scrubber.isSensitiveKey(key) ? Scrubber.FILTERED : value;
  }

  private static @Nullable String markers(ILoggingEvent logged) {
    List<Marker> markers = logged.getMarkerList();
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

  /** The logged throwable, when Logback still holds it (not for deserialized events). */
  static @Nullable Throwable throwable(ILoggingEvent logged) {
    IThrowableProxy proxy = logged.getThrowableProxy();
    return proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null;
  }

  /**
   * The stack of the log call, from Logback's caller data: right also when an {@code AsyncAppender}
   * runs this on another thread, provided it keeps caller data. The thread is named as logged; its
   * id is known only when that is the current thread.
   */
  private static void attachCallerStack(
      SentryEvent event, ILoggingEvent logged, StackFrameFactory frames) {
    Thread current = Thread.currentThread();
    if (!current.getName().equals(logged.getThreadName())) {
      return;
    }
    SentryStackTrace stack = frames.stackTrace(logged.getCallerData());
    if (stack == null) {
      return;
    }
    SentryThread thread = new SentryThread(current.getId());
    thread.setName(current.getName());
    thread.setCurrent(true);
    thread.setStacktrace(stack);
    event.setThreads(Collections.singletonList(thread));
  }

  private Bound bound(SentryClient client) {
    Bound b = bound;
    if (b == null || b.client != client) {
      b = new Bound(client);
      bound = b;
    }
    return b;
  }

  @Override
  public String toString() {
    return "LogbackMapper{contextTags=" + contextTags + '}';
  }

  /** The parts made from one client's options. */
  private static final class Bound {
    final SentryClient client;
    final EventFactory events;
    final StackFrameFactory frames;

    Bound(SentryClient client) {
      this.client = client;
      this.events = EventFactory.of(client.options());
      this.frames = new StackFrameFactory(InAppMatcher.of(client.options()));
    }
  }
}
