package io.sentryj.internal.event;

import io.sentryj.SentryOptions;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryThread;
import java.util.Collections;

/**
 * The event-building parts for one configuration, wired together, and the steps capture takes with
 * them, each in the right place: what must be seen on the capturing thread is taken at once (the
 * threads, the caller's stack, and a {@link ThrowableSnapshot} of the throwable: its classes,
 * messages and stack trace elements); the protocol objects and frames of the exception chain, the
 * costly part, are made later, when the SDK's worker first asks for them ({@link
 * SentryEvent#setExceptionSupplier}).
 *
 * <pre>{@code
 * EventFactory events = EventFactory.of(options);          // once per init
 * events.attachException(event, throwable, "generic", true); // at capture
 * }</pre>
 *
 * Thread-safe.
 */
public final class EventFactory {
  private final SentryOptions options;
  private final ExceptionFactory exceptions;
  private final ThreadsFactory threads;

  EventFactory(SentryOptions options) {
    StackFrameFactory frames = new StackFrameFactory(InAppMatcher.of(options));
    this.options = options;
    this.exceptions = new ExceptionFactory(frames);
    this.threads = new ThreadsFactory(frames);
  }

  /** The factory for the given options. */
  public static EventFactory of(SentryOptions options) {
    return new EventFactory(options);
  }

  /** The exception chain builder, for callers that need its parameters. */
  public ExceptionFactory exceptions() {
    return exceptions;
  }

  /** The threads builder, for callers that need its parameters. */
  public ThreadsFactory threads() {
    return threads;
  }

  /**
   * Call on the capturing thread: gives the event the throwable and a snapshot of its exception
   * chain, read now and turned into protocol objects lazily, with the current thread as {@code
   * thread_id}, and, with {@code attachThreads}, the threads as they are now. An unhandled
   * throwable (an uncaught exception handler runs on the dying thread) marks the current thread
   * crashed, without repeating its stack.
   */
  public void attachException(
      SentryEvent event, Throwable throwable, String mechanismType, boolean handled) {
    long threadId = Thread.currentThread().getId();
    event.setThrowable(throwable);
    ThrowableSnapshot snapshot = ExceptionFactory.snapshot(throwable);
    event.setExceptionSupplier(
        new ExceptionSource(exceptions, snapshot, mechanismType, handled, threadId));
    if (options.attachThreads()) {
      event.setThreads(threads.threads(handled ? ThreadsFactory.NO_THREAD : threadId));
    }
  }

  /**
   * Call on the capturing thread for an event without exception: with {@code attachThreads}, all
   * threads; else with {@code attachStacktrace}, the current thread with the caller's stack.
   */
  public void attachThreads(SentryEvent event) {
    if (options.attachThreads()) {
      event.setThreads(threads.threads(ThreadsFactory.NO_THREAD));
    } else if (options.attachStacktrace()) {
      SentryThread current = threads.currentThread();
      if (current.getStacktraceSource() != null) {
        event.setThreads(Collections.singletonList(current));
      }
    }
  }

  @Override
  public String toString() {
    return "EventFactory{" + exceptions + '}';
  }
}
