package io.sentryj.protocol;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A thread at the time of the event (protocol section 3, {@code threads.values}). */
public final class SentryThread {
  private long id;
  private @Nullable String name;
  private @Nullable Boolean crashed;
  private @Nullable Boolean current;
  private @Nullable Boolean main;
  private @Nullable String state;
  private @Nullable SentryStackTrace stacktrace;
  private @Nullable Supplier<@Nullable SentryStackTrace> stacktraceSource;

  /** A thread with the given id. */
  public SentryThread(long id) {
    this.id = id;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name;
  }

  public @Nullable Boolean getCrashed() {
    return crashed;
  }

  public void setCrashed(@Nullable Boolean crashed) {
    this.crashed = crashed;
  }

  public @Nullable Boolean getCurrent() {
    return current;
  }

  public void setCurrent(@Nullable Boolean current) {
    this.current = current;
  }

  public @Nullable Boolean getMain() {
    return main;
  }

  public void setMain(@Nullable Boolean main) {
    this.main = main;
  }

  public @Nullable String getState() {
    return state;
  }

  public void setState(@Nullable String state) {
    this.state = state;
  }

  /**
   * The thread's stack trace, oldest frame first; made on first call when the SDK took the stack at
   * capture (the frames are made on the SDK's thread).
   */
  public @Nullable SentryStackTrace getStacktrace() {
    Supplier<@Nullable SentryStackTrace> source = stacktraceSource;
    if (stacktrace == null && source != null) {
      stacktraceSource = null;
      stacktrace = source.get();
    }
    return stacktrace;
  }

  public void setStacktrace(@Nullable SentryStackTrace stacktrace) {
    this.stacktrace = stacktrace;
    this.stacktraceSource = null;
  }

  /**
   * Sets how the stack trace is made when first asked for. For the SDK's own use: the stack is
   * taken at capture, the frames made later on the SDK's thread.
   */
  public void setStacktraceSource(Supplier<@Nullable SentryStackTrace> source) {
    this.stacktrace = null;
    this.stacktraceSource = source;
  }

  /** How the stack trace will be made, or null once it is made or when there is none. */
  public @Nullable Supplier<@Nullable SentryStackTrace> getStacktraceSource() {
    return stacktraceSource;
  }

  @Override
  public String toString() {
    return "SentryThread{" + id + ", " + name + '}';
  }
}
