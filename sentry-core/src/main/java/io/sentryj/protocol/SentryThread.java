package io.sentryj.protocol;

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

  public @Nullable SentryStackTrace getStacktrace() {
    return stacktrace;
  }

  public void setStacktrace(@Nullable SentryStackTrace stacktrace) {
    this.stacktrace = stacktrace;
  }

  @Override
  public String toString() {
    return "SentryThread{" + id + ", " + name + '}';
  }
}
