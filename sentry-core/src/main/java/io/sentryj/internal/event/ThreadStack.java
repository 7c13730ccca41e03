package io.sentryj.internal.event;

import io.sentryj.protocol.SentryStackTrace;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A thread's stack as taken at capture (the JVM's immutable stack trace elements), turned into
 * frames, with their in-app marks, only when the SDK's thread writes the event. Immutable.
 */
public final class ThreadStack implements Supplier<@Nullable SentryStackTrace> {
  private final StackFrameFactory frames;
  private final StackTraceElement[] elements;
  private final int skipNewest;

  ThreadStack(StackFrameFactory frames, StackTraceElement[] elements, int skipNewest) {
    this.frames = frames;
    this.elements = elements;
    this.skipNewest = skipNewest;
  }

  /** The source for these elements, or null when none would be left to make a frame of. */
  public static @Nullable ThreadStack of(
      StackFrameFactory frames, StackTraceElement @Nullable [] elements, int skipNewest) {
    return elements == null || elements.length <= skipNewest
        ? null
        : new ThreadStack(frames, elements, skipNewest);
  }

  /** How many frames the stack will have at most. */
  public int frameCount() {
    return Math.min(elements.length - skipNewest, StackFrameFactory.MAX_FRAMES);
  }

  @Override
  public @Nullable SentryStackTrace get() {
    return frames.stackTrace(elements, skipNewest);
  }

  @Override
  public String toString() {
    return "ThreadStack{" + frameCount() + " frames}";
  }
}
