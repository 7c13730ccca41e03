package io.sentryj.protocol;

import org.jspecify.annotations.Nullable;

/** One frame of a stack trace (protocol section 3, {@code stacktrace.frames}). */
public final class SentryStackFrame {
  private @Nullable String module;
  private @Nullable String function;
  private @Nullable String filename;
  private @Nullable Integer lineno;
  private @Nullable Boolean inApp;

  /** The fully qualified class name. */
  public @Nullable String getModule() {
    return module;
  }

  public void setModule(@Nullable String module) {
    this.module = module;
  }

  /** The method name. */
  public @Nullable String getFunction() {
    return function;
  }

  public void setFunction(@Nullable String function) {
    this.function = function;
  }

  /** The source file name, for example {@code Main.java}. */
  public @Nullable String getFilename() {
    return filename;
  }

  public void setFilename(@Nullable String filename) {
    this.filename = filename;
  }

  /** The 1-based line number, if known. */
  public @Nullable Integer getLineno() {
    return lineno;
  }

  public void setLineno(@Nullable Integer lineno) {
    this.lineno = lineno;
  }

  /** Whether the frame belongs to the application rather than a library. */
  public @Nullable Boolean getInApp() {
    return inApp;
  }

  public void setInApp(@Nullable Boolean inApp) {
    this.inApp = inApp;
  }

  @Override
  public String toString() {
    return module + "." + function + "(" + filename + ":" + lineno + ")";
  }
}
