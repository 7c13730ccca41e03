package io.sentryj.protocol;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A stack trace: frames oldest (the caller) first, the throwing frame last (protocol rule 2). */
public final class SentryStackTrace {
  private List<SentryStackFrame> frames;
  private int @Nullable [] framesOmitted;

  /** A stack trace of the given frames, oldest first. The list is kept, not copied. */
  public SentryStackTrace(List<SentryStackFrame> frames) {
    this.frames = frames;
  }

  public List<SentryStackFrame> getFrames() {
    return frames;
  }

  public void setFrames(List<SentryStackFrame> frames) {
    this.frames = new ArrayList<>(frames);
  }

  /**
   * The range of frame indexes left out of a very deep stack, {@code [start, end)}, or null when
   * nothing was left out. Sent as {@code frames_omitted} in the exception's mechanism data, since
   * the event schema has no place for it on the stack trace itself.
   */
  @SuppressWarnings("mutable")
  public int @Nullable [] getFramesOmitted() {
    return framesOmitted;
  }

  public void setFramesOmitted(int @Nullable [] framesOmitted) {
    this.framesOmitted = framesOmitted;
  }

  @Override
  public String toString() {
    return "SentryStackTrace{" + frames.size() + " frames}";
  }
}
