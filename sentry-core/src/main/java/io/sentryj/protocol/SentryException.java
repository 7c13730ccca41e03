package io.sentryj.protocol;

import org.jspecify.annotations.Nullable;

/** One exception of an event's chain (protocol section 3, {@code exception.values}). */
public final class SentryException {
  private @Nullable String type;
  private @Nullable String value;
  private @Nullable String module;
  private @Nullable Long threadId;
  private @Nullable SentryStackTrace stacktrace;
  private @Nullable Mechanism mechanism;

  /** The simple class name, for example {@code IllegalStateException}. */
  public @Nullable String getType() {
    return type;
  }

  public void setType(@Nullable String type) {
    this.type = type;
  }

  /** The message. */
  public @Nullable String getValue() {
    return value;
  }

  public void setValue(@Nullable String value) {
    this.value = value;
  }

  /** The package, for example {@code java.lang}. */
  public @Nullable String getModule() {
    return module;
  }

  public void setModule(@Nullable String module) {
    this.module = module;
  }

  public @Nullable Long getThreadId() {
    return threadId;
  }

  public void setThreadId(@Nullable Long threadId) {
    this.threadId = threadId;
  }

  public @Nullable SentryStackTrace getStacktrace() {
    return stacktrace;
  }

  public void setStacktrace(@Nullable SentryStackTrace stacktrace) {
    this.stacktrace = stacktrace;
  }

  public @Nullable Mechanism getMechanism() {
    return mechanism;
  }

  public void setMechanism(@Nullable Mechanism mechanism) {
    this.mechanism = mechanism;
  }

  @Override
  public String toString() {
    return "SentryException{" + module + "." + type + ": " + value + '}';
  }
}
