package io.sentryj.internal.event;

import io.sentryj.protocol.SentryStackFrame;
import io.sentryj.protocol.SentryStackTrace;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns Java stack trace elements into protocol frames: oldest (the caller) first and the throwing
 * frame last, the reverse of {@link Throwable#getStackTrace()} (protocol rule 2).
 *
 * <p>A very deep stack (a {@code StackOverflowError} may hold up to {@code
 * -XX:MaxJavaStackTraceDepth} frames, 1024 by default) keeps its {@value #OLDEST_KEPT} oldest
 * frames (how the thread got there: its entry point and the start of the recursion) and its {@value
 * #NEWEST_KEPT} newest (where it failed), {@value #MAX_FRAMES} in all, and records the left-out
 * range in {@link SentryStackTrace#getFramesOmitted()} as {@code [start, end)} indexes of the full
 * oldest-first list. Frames a cause shares with the exception it hangs off ("... 42 more") are
 * kept, as the official SDK does, so each exception's stack reads complete.
 *
 * <p>Stateless apart from the matcher; thread-safe.
 */
public final class StackFrameFactory {
  /** The most frames a stack trace keeps. */
  public static final int MAX_FRAMES = 250;

  /** How many of the oldest frames a stack deeper than {@link #MAX_FRAMES} keeps. */
  public static final int OLDEST_KEPT = 100;

  /** How many of the newest frames a stack deeper than {@link #MAX_FRAMES} keeps. */
  public static final int NEWEST_KEPT = MAX_FRAMES - OLDEST_KEPT;

  private final InAppMatcher inApp;

  /** A factory that marks frames in-app with the given matcher. */
  public StackFrameFactory(InAppMatcher inApp) {
    this.inApp = inApp;
  }

  /**
   * The stack trace of the given elements, newest first as Java gives them, or null when there are
   * none (the protocol wants a non-empty {@code frames} list).
   */
  public @Nullable SentryStackTrace stackTrace(StackTraceElement @Nullable [] elements) {
    return stackTrace(elements, 0);
  }

  /**
   * Like {@link #stackTrace(StackTraceElement[])}, but ignoring the first {@code skipNewest}
   * elements (the newest ones).
   */
  @Nullable SentryStackTrace stackTrace(StackTraceElement @Nullable [] all, int skipNewest) {
    if (all == null || all.length <= skipNewest) {
      return null;
    }
    StackTraceElement[] elements = withoutSdkFrames(all, skipNewest);
    int total = elements.length;
    int omittedStart = total;
    int omittedEnd = total;
    if (total > MAX_FRAMES) {
      omittedStart = OLDEST_KEPT;
      omittedEnd = total - NEWEST_KEPT;
    }
    List<SentryStackFrame> frames = new ArrayList<>(total - (omittedEnd - omittedStart));
    addFrames(elements, 0, omittedStart, frames);
    addFrames(elements, omittedEnd, total, frames);
    if (frames.isEmpty()) {
      return null;
    }
    SentryStackTrace stackTrace = new SentryStackTrace(frames);
    if (omittedEnd > omittedStart) {
      stackTrace.setFramesOmitted(new int[] {omittedStart, omittedEnd});
    }
    return stackTrace;
  }

  /**
   * The elements without the newest {@code skipNewest} and without the frames the SDK put between
   * the application's ({@link InAppMatcher#isSdkFrame}); the array itself when there is nothing to
   * leave out.
   */
  private static StackTraceElement[] withoutSdkFrames(StackTraceElement[] all, int skipNewest) {
    int sdk = 0;
    for (int i = skipNewest; i < all.length; i++) {
      if (all[i] != null && InAppMatcher.isSdkFrame(all[i].getClassName())) {
        sdk++;
      }
    }
    if (sdk == 0 && skipNewest == 0) {
      return all;
    }
    StackTraceElement[] kept = new StackTraceElement[all.length - skipNewest - sdk];
    int k = 0;
    for (int i = skipNewest; i < all.length; i++) {
      if (all[i] == null || !InAppMatcher.isSdkFrame(all[i].getClassName())) {
        kept[k++] = all[i];
      }
    }
    return kept;
  }

  /**
   * Adds the frames of oldest-first indexes {@code [from, to)}, that is the elements from the end.
   */
  private void addFrames(
      StackTraceElement[] elements, int from, int to, List<SentryStackFrame> frames) {
    for (int i = from; i < to; i++) {
      StackTraceElement element = elements[elements.length - 1 - i];
      if (element != null) { // only an overridden getStackTrace() can return null elements
        frames.add(frame(element));
      }
    }
  }

  private SentryStackFrame frame(StackTraceElement element) {
    SentryStackFrame frame = new SentryStackFrame();
    String className = element.getClassName();
    frame.setModule(className);
    frame.setFunction(element.getMethodName());
    frame.setFilename(element.getFileName());
    int line = element.getLineNumber();
    if (line > 0) {
      frame.setLineno(line);
    }
    frame.setInApp(inApp.isInApp(className));
    return frame;
  }

  @Override
  public String toString() {
    return "StackFrameFactory{" + inApp + '}';
  }
}
