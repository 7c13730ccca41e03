package io.sentryj.internal.logging;

import io.sentryj.Breadcrumb;
import io.sentryj.Hint;
import io.sentryj.SentryId;
import io.sentryj.integration.LogLevel;
import io.sentryj.integration.LogRecordData;
import io.sentryj.internal.envelope.LogWriter;
import io.sentryj.internal.event.EventFactory;
import io.sentryj.internal.event.InAppMatcher;
import io.sentryj.internal.event.StackFrameFactory;
import io.sentryj.internal.event.ThreadStack;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryThread;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link LogRecordData} into a Sentry event, a breadcrumb or a structured log: the mapping
 * written once, for the Logback appender and for the agent's Logback, Log4j 2 and {@code
 * java.util.logging} capture. Thread-safe.
 *
 * <p>An event carries the {@code logentry} (template, parameters, formatted text), the logger, the
 * level, the throwable (mechanism {@link #origin()}, handled), extras {@code thread_name} and
 * {@code marker}, the MDC as context {@code MDC} and the MDC keys named as context tags as tags. A
 * breadcrumb has the logger as category, the level, the formatted text and the MDC as data. Values
 * of sensitive MDC keys are filtered with the rest of the event, by the pipeline's scrub stage.
 */
public final class LogRecordMapper {
  /** The named context holding the MDC. */
  public static final String MDC_CONTEXT = "MDC";

  private final String origin;
  private final @Nullable String hintKey;
  private final Set<String> contextTags;
  // the event factory of the client last used, made again when the SDK is re-initialised
  private volatile @Nullable Bound bound;

  /**
   * A mapper.
   *
   * @param origin the mechanism type of logged throwables and {@code sentry.origin} of logs, such
   *     as {@code auto.log.logback}
   * @param hintKey the hint entry that holds the library's own record ({@link
   *     LogRecordData#source()}), or null for none
   * @param contextTags the MDC keys whose values become event tags
   */
  public LogRecordMapper(String origin, @Nullable String hintKey, Set<String> contextTags) {
    this.origin = origin;
    this.hintKey = hintKey;
    this.contextTags = contextTags;
  }

  public String origin() {
    return origin;
  }

  /** Captures the record as a Sentry event. */
  public SentryId captureEvent(SentryClient client, LogRecordData record) {
    SentryEvent event = new SentryEvent(SentryId.random(), record.timestampMillis());
    event.setLevel(record.level().sentryLevel());
    event.setLogger(record.loggerName());
    event.setMessage(message(record));
    addMdc(event, record.mdc());
    event.getExtra().put("thread_name", String.valueOf(record.threadName()));
    String markers = record.markers();
    if (markers != null) {
      event.getExtra().put("marker", markers);
    }
    Throwable throwable = record.throwable();
    Bound b = bound(client);
    if (throwable != null) {
      b.events.attachException(event, throwable, origin, true);
    } else if (client.options().attachThreads()) {
      b.events.attachThreads(event);
    } else if (client.options().attachStacktrace()) {
      attachCallerStack(event, record, b.frames);
    }
    Hint hint = Hint.withThrowable(throwable);
    Object source = record.source();
    if (hintKey != null && source != null) {
      hint.set(hintKey, source);
    }
    return client.captureEvent(event, hint);
  }

  /** Adds the record as a breadcrumb to the current scope. */
  public void addBreadcrumb(SentryClient client, LogRecordData record) {
    Breadcrumb.Builder crumb =
        Breadcrumb.builder()
            .timestampMillis(record.timestampMillis())
            .category(record.loggerName())
            .level(record.level().sentryLevel())
            .message(record.formattedMessage());
    for (Map.Entry<String, String> e : record.mdc().entrySet()) {
      if (e.getKey() != null && e.getValue() != null) {
        crumb.data(e.getKey(), e.getValue());
      }
    }
    // the hint is only read by beforeBreadcrumb: without one, the common case, it is not made
    Object source = record.source();
    Hint hint =
        client.options().beforeBreadcrumb() != null && hintKey != null && source != null
            ? new Hint().set(hintKey, source)
            : null;
    client.addBreadcrumb(crumb.build(), hint);
  }

  /**
   * The record as a structured log (protocol section 9): the formatted text as body, the template
   * and parameters as {@code sentry.message.*} attributes, in the current trace.
   */
  public LogWriter.Record logRecord(SentryClient client, LogRecordData record) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("sentry.origin", origin);
    Object[] args = record.params();
    if (args != null && args.length > 0 && record.template() != null) {
      attributes.put("sentry.message.template", record.template());
      for (int i = 0; i < args.length; i++) {
        attributes.put("sentry.message.parameter." + i, attributeValue(args[i]));
      }
    }
    attributes.put("logger.name", String.valueOf(record.loggerName()));
    attributes.put("thread.name", String.valueOf(record.threadName()));
    return new LogWriter.Record(
        record.timestampMillis(),
        client.storage().current().propagationContext().traceId(),
        null,
        logLevel(record.level()),
        String.valueOf(record.formattedMessage()),
        attributes);
  }

  /** The level of structured logs (protocol section 9): the same words. */
  static LogWriter.Level logLevel(LogLevel level) {
    return LogWriter.Level.valueOf(level.name());
  }

  private static Object attributeValue(@Nullable Object arg) {
    return arg instanceof Boolean || arg instanceof Number ? arg : String.valueOf(arg);
  }

  /**
   * The {@code logentry}: template and parameters besides the formatted text, so that lines that
   * differ only in their parameters group into one issue.
   */
  public static Message message(LogRecordData record) {
    Message message = new Message();
    message.setFormatted(record.formattedMessage());
    message.setMessage(record.template());
    Object[] args = record.params();
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
        event.setTag(key, value);
      } else {
        context.put(key, value);
      }
    }
    if (!context.isEmpty()) {
      event.getContexts().put(MDC_CONTEXT, context);
    }
  }

  /**
   * The stack of the log call: right also when an asynchronous appender runs this on another
   * thread, provided it keeps caller data. The thread is named as logged; its id is known only when
   * that is the current thread, so the stack is attached only then.
   */
  private static void attachCallerStack(
      SentryEvent event, LogRecordData record, StackFrameFactory frames) {
    Thread current = Thread.currentThread();
    if (!current.getName().equals(record.threadName())) {
      return;
    }
    ThreadStack stack = ThreadStack.of(frames, record.callerData(), 0);
    if (stack == null) {
      return;
    }
    SentryThread thread = new SentryThread(current.getId());
    thread.setName(current.getName());
    thread.setCurrent(true);
    thread.setStacktraceSource(stack); // the frames are made on the SDK's thread
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
    return "LogRecordMapper{origin=" + origin + ", contextTags=" + contextTags + '}';
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
