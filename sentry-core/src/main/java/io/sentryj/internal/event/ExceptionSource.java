package io.sentryj.internal.event;

import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The exception list of an event, still to be made: a {@link ThrowableSnapshot} taken at capture
 * and how the throwable was captured. The event's serializer asks for the list on the SDK's thread
 * ({@link SentryEvent#getExceptions()}); making it reads the snapshot only. Immutable.
 */
public final class ExceptionSource implements Supplier<List<SentryException>> {
  private final ExceptionFactory factory;
  private final ThrowableSnapshot snapshot;
  private final String mechanismType;
  private final boolean handled;
  private final long threadId;

  ExceptionSource(
      ExceptionFactory factory,
      ThrowableSnapshot snapshot,
      String mechanismType,
      boolean handled,
      long threadId) {
    this.factory = factory;
    this.snapshot = snapshot;
    this.mechanismType = mechanismType;
    this.handled = handled;
    this.threadId = threadId;
  }

  /** The source of the event's exceptions when the SDK made it, else null. */
  public static @Nullable ExceptionSource of(SentryEvent event) {
    Supplier<List<SentryException>> supplier = event.getExceptionSupplier();
    return supplier instanceof ExceptionSource ? (ExceptionSource) supplier : null;
  }

  /** What was read of the throwable at capture. */
  public ThrowableSnapshot snapshot() {
    return snapshot;
  }

  /** This source with another snapshot (the same one with scrubbed messages, say). */
  public ExceptionSource withSnapshot(ThrowableSnapshot other) {
    return other == snapshot
        ? this
        : new ExceptionSource(factory, other, mechanismType, handled, threadId);
  }

  @Override
  public List<SentryException> get() {
    return factory.exceptions(snapshot, mechanismType, handled, threadId);
  }

  @Override
  public String toString() {
    return "ExceptionSource{" + snapshot + ", " + mechanismType + '}';
  }
}
