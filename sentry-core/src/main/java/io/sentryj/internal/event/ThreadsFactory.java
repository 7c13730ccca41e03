package io.sentryj.internal.event;

import io.sentryj.protocol.SentryStackTrace;
import io.sentryj.protocol.SentryThread;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The event's {@code threads} (protocol section 3) for the {@code attachThreads} option, and the
 * caller's stack for {@code attachStacktrace}.
 *
 * <p>Call it on the capturing thread, at capture time: a thread dump taken later, on the SDK's
 * worker, would show other stacks and the wrong current thread. The stacks are taken then; their
 * frames are made when the SDK's thread writes the event ({@link ThreadStack}). {@link
 * Thread#getAllStackTraces()} stops the JVM at a safepoint, which is why it is behind an option.
 *
 * <p>At most {@value #MAX_THREADS} threads are sent, bounding the memory of an event from a JVM
 * with thousands of threads: the crashed and the current thread always, then the others by
 * ascending id (the oldest threads, {@code main} among them, first). The crashed thread has no
 * stack trace, as the protocol asks: the exception carries it and links it by {@code thread_id}.
 * Thread-safe.
 */
public final class ThreadsFactory {
  /** The most threads one event carries. */
  public static final int MAX_THREADS = 100;

  /** A thread id meaning "no such thread", for example no crashed thread. */
  public static final long NO_THREAD = -1;

  // built at run time, so that the agent jar's relocation cannot rename it (see InAppMatcher)
  private static final String SDK_PACKAGE = InAppMatcher.SDK_PACKAGE;

  private static final Comparator<Thread> BY_ID = (a, b) -> Long.compare(a.getId(), b.getId());

  private final StackFrameFactory frames;

  /** A factory that builds stack traces with the given frame factory. */
  public ThreadsFactory(StackFrameFactory frames) {
    this.frames = frames;
  }

  /**
   * All live threads, the calling thread marked current.
   *
   * @param crashedThreadId the thread the event's exception was thrown on, or {@link #NO_THREAD}
   */
  public List<SentryThread> threads(long crashedThreadId) {
    Map<Thread, StackTraceElement[]> stacks;
    try {
      stacks = Thread.getAllStackTraces();
    } catch (RuntimeException e) { // SecurityException under a security manager
      return new ArrayList<>();
    }
    return threads(stacks, Thread.currentThread().getId(), crashedThreadId);
  }

  /** The threads of the given dump. */
  List<SentryThread> threads(
      Map<Thread, StackTraceElement[]> stacks, long currentThreadId, long crashedThreadId) {
    List<Thread> chosen = choose(stacks, currentThreadId, crashedThreadId);
    List<SentryThread> result = new ArrayList<>(chosen.size());
    for (Thread thread : chosen) {
      long id = thread.getId();
      SentryThread sentryThread = new SentryThread(id);
      String name = thread.getName();
      sentryThread.setName(name);
      sentryThread.setState(thread.getState().name());
      if (id == currentThreadId) {
        sentryThread.setCurrent(true);
      }
      if (id == crashedThreadId) {
        sentryThread.setCrashed(true);
      } else {
        ThreadStack stack = ThreadStack.of(frames, stacks.get(thread), 0);
        if (stack != null) {
          sentryThread.setStacktraceSource(stack); // frames made on the SDK's thread
        }
      }
      if ("main".equals(name)) {
        sentryThread.setMain(true);
      }
      result.add(sentryThread);
    }
    return result;
  }

  /** The threads to send, by ascending id, the current and crashed ones always among them. */
  private static List<Thread> choose(
      Map<Thread, StackTraceElement[]> stacks, long currentThreadId, long crashedThreadId) {
    List<Thread> all = new ArrayList<>(stacks.keySet());
    Collections.sort(all, BY_ID);
    if (all.size() <= MAX_THREADS) {
      return all;
    }
    List<Thread> chosen = new ArrayList<>(MAX_THREADS);
    for (Thread thread : all) {
      long id = thread.getId();
      if (id == currentThreadId || id == crashedThreadId) {
        chosen.add(thread);
      }
    }
    for (Thread thread : all) {
      if (chosen.size() >= MAX_THREADS) {
        break;
      }
      long id = thread.getId();
      if (id != currentThreadId && id != crashedThreadId) {
        chosen.add(thread);
      }
    }
    Collections.sort(chosen, BY_ID);
    return chosen;
  }

  /**
   * The calling thread, marked current, with its stack trace as {@link #currentStackTrace()} gives
   * it: what a message event carries under {@code attachStacktrace}.
   */
  public SentryThread currentThread() {
    Thread thread = Thread.currentThread();
    SentryThread sentryThread = new SentryThread(thread.getId());
    sentryThread.setName(thread.getName());
    sentryThread.setCurrent(true);
    sentryThread.setState(thread.getState().name());
    if ("main".equals(thread.getName())) {
      sentryThread.setMain(true);
    }
    StackTraceElement[] elements = new Throwable().getStackTrace();
    ThreadStack stack = ThreadStack.of(frames, elements, sdkFrames(elements));
    if (stack != null) {
      sentryThread.setStacktraceSource(stack); // frames made on the SDK's thread
    }
    return sentryThread;
  }

  /**
   * The calling thread's stack without the SDK's own frames (the newest frames whose class is in
   * {@code io.sentryj.}), or null when nothing is left.
   */
  public @Nullable SentryStackTrace currentStackTrace() {
    return stackTraceOutsideSdk(new Throwable().getStackTrace());
  }

  /** The stack trace of the given elements (newest first) without the newest SDK frames. */
  @Nullable SentryStackTrace stackTraceOutsideSdk(StackTraceElement[] elements) {
    return frames.stackTrace(elements, sdkFrames(elements));
  }

  /** How many of the newest elements are the SDK's own frames. */
  private static int sdkFrames(StackTraceElement[] elements) {
    int skip = 0;
    while (skip < elements.length && isSdkFrame(elements[skip])) {
      skip++;
    }
    return skip;
  }

  /**
   * The capture path's frames: the SDK's own classes (facade, internals, integration modules, the
   * agent), wider than {@link InAppMatcher#isSdkFrame}, which is about frames the SDK puts between
   * the application's.
   */
  private static boolean isSdkFrame(StackTraceElement element) {
    String className = element.getClassName();
    if (className.startsWith(SDK_PACKAGE)) {
      // the SDK's own classes, but not an application's that happen to share the namespace
      // (samples, tests): the facade, the internals and the integration modules
      String rest = className.substring(SDK_PACKAGE.length());
      return rest.equals("Sentry")
          || rest.startsWith("Sentry$")
          || rest.startsWith("internal.")
          || rest.startsWith("logback.")
          || rest.startsWith("servlet.")
          || rest.startsWith("agent.");
    }
    return className.equals("java.lang.Thread") && element.getMethodName().equals("getStackTrace");
  }

  @Override
  public String toString() {
    return "ThreadsFactory{max " + MAX_THREADS + " threads}";
  }
}
