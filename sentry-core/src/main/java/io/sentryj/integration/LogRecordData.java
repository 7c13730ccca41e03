package io.sentryj.integration;

import java.util.Collections;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One log record, copied out of whatever logging library made it: what {@link LogRecordMapper}
 * turns into an event, a breadcrumb or a structured log. Immutable except for the arrays and map it
 * is given, which it keeps without copying (they come from records that are not changed after
 * logging).
 *
 * <pre>{@code
 * LogRecordData record =
 *     LogRecordData.builder(LogLevel.ERROR, System.currentTimeMillis())
 *         .loggerName("com.shop.Checkout")
 *         .message("payment {} failed", "payment 42 failed", new Object[] {42})
 *         .throwable(e)
 *         .build();
 * }</pre>
 */
public final class LogRecordData {
  private final LogLevel level;
  private final long timestampMillis;
  private final @Nullable String loggerName;
  private final @Nullable String formattedMessage;
  private final @Nullable String template;
  private final @Nullable Object @Nullable [] params;
  private final @Nullable String threadName;
  private final Map<String, String> mdc;
  private final @Nullable String markers;
  private final @Nullable Throwable throwable;
  private final @Nullable Supplier<StackTraceElement @Nullable []> callerData;
  private final @Nullable Object source;

  private LogRecordData(Builder b) {
    this.level = b.level;
    this.timestampMillis = b.timestampMillis;
    this.loggerName = b.loggerName;
    this.formattedMessage = b.formattedMessage;
    this.template = b.template;
    this.params = b.params;
    this.threadName = b.threadName;
    this.mdc = b.mdc;
    this.markers = b.markers;
    this.throwable = b.throwable;
    this.callerData = b.callerData;
    this.source = b.source;
  }

  /** A builder for a record of this level and time. */
  public static Builder builder(LogLevel level, long timestampMillis) {
    return new Builder(level, timestampMillis);
  }

  public LogLevel level() {
    return level;
  }

  public long timestampMillis() {
    return timestampMillis;
  }

  public @Nullable String loggerName() {
    return loggerName;
  }

  /** The message with its parameters filled in. */
  public @Nullable String formattedMessage() {
    return formattedMessage;
  }

  /** The message as written in the code, with its placeholders. */
  public @Nullable String template() {
    return template;
  }

  public @Nullable Object @Nullable [] params() {
    return params;
  }

  public @Nullable String threadName() {
    return threadName;
  }

  /** The mapped diagnostic context; empty when there is none. */
  public Map<String, String> mdc() {
    return mdc;
  }

  /** The record's markers, comma-separated, or null. */
  public @Nullable String markers() {
    return markers;
  }

  public @Nullable Throwable throwable() {
    return throwable;
  }

  /** The stack of the log call, computed only when asked for (it is costly). */
  public StackTraceElement @Nullable [] callerData() {
    Supplier<StackTraceElement @Nullable []> supplier = callerData;
    return supplier == null ? null : supplier.get();
  }

  /** The library's own record, handed to {@code beforeSend} in the hint, or null. */
  public @Nullable Object source() {
    return source;
  }

  @Override
  public String toString() {
    return "LogRecordData{level=" + level + ", logger=" + loggerName + '}';
  }

  /** Builds a {@link LogRecordData}; every part but the level and time is optional. */
  public static final class Builder {
    private final LogLevel level;
    private final long timestampMillis;
    private @Nullable String loggerName;
    private @Nullable String formattedMessage;
    private @Nullable String template;
    private @Nullable Object @Nullable [] params;
    private @Nullable String threadName;
    private Map<String, String> mdc = Collections.emptyMap();
    private @Nullable String markers;
    private @Nullable Throwable throwable;
    private @Nullable Supplier<StackTraceElement @Nullable []> callerData;
    private @Nullable Object source;

    private Builder(LogLevel level, long timestampMillis) {
      this.level = level;
      this.timestampMillis = timestampMillis;
    }

    public Builder loggerName(@Nullable String name) {
      this.loggerName = name;
      return this;
    }

    /** The template, the formatted text and the parameters of the message. */
    public Builder message(
        @Nullable String template,
        @Nullable String formatted,
        @Nullable Object @Nullable [] params) {
      this.template = template;
      this.formattedMessage = formatted;
      this.params = params;
      return this;
    }

    public Builder threadName(@Nullable String name) {
      this.threadName = name;
      return this;
    }

    /** The MDC; null counts as empty. */
    public Builder mdc(@Nullable Map<String, String> mdc) {
      this.mdc = mdc != null ? mdc : Collections.<String, String>emptyMap();
      return this;
    }

    public Builder markers(@Nullable String markers) {
      this.markers = markers;
      return this;
    }

    public Builder throwable(@Nullable Throwable throwable) {
      this.throwable = throwable;
      return this;
    }

    /** Where to get the stack of the log call when an event needs it. */
    public Builder callerData(@Nullable Supplier<StackTraceElement @Nullable []> callerData) {
      this.callerData = callerData;
      return this;
    }

    /** The library's own record, for hints. */
    public Builder source(@Nullable Object source) {
      this.source = source;
      return this;
    }

    public LogRecordData build() {
      return new LogRecordData(this);
    }

    @Override
    public String toString() {
      return "LogRecordData.Builder{level=" + level + '}';
    }
  }
}
