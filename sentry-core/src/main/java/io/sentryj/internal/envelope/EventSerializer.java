package io.sentryj.internal.envelope;

import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.protocol.SentryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Serializes a {@link SentryEvent} to the protocol's event payload (protocol section 3) as UTF-8
 * JSON, within a size limit (protocol section 2: an event item is at most 1 MiB).
 *
 * <p>The event is written once; only when it is too big is it written again, each time leaving out
 * more (in this order): older breadcrumbs, {@code extra} and big data bags, long strings, the
 * middle of deep stacks, then everything but the exception, trace and tags, and at last all but the
 * event's headline. The result always fits and is always a valid event with its id, time, platform
 * and the type of the exception it is about. Nothing in the event is changed.
 *
 * <pre>{@code
 * EventSerializer serializer = new EventSerializer();
 * EnvelopeItem item = EnvelopeItem.ofEvent(event, () -> serializer.serialize(event));
 * }</pre>
 *
 * <p>Stateless and thread-safe. Not for the application's thread: it builds the event's exception
 * chain from its throwable (see {@link SentryEvent#getExceptions()}).
 */
public final class EventSerializer {
  /** The largest event item Relay accepts (protocol section 2): 1 MiB. */
  public static final int MAX_EVENT_BYTES = 1024 * 1024;

  /** The smallest limit that always leaves room for a minimal event. */
  public static final int MIN_LIMIT_BYTES = 2048;

  private static final int INITIAL_BUFFER = 16 * 1024;

  /** Buffers grown past this are not kept after use, so a rare huge event does not pin memory. */
  private static final int RETAINED_BUFFER = 256 * 1024;

  /** One buffer per serializing thread: in practice only the transport's worker. */
  private static final ThreadLocal<Utf8Buffer> BUFFERS =
      ThreadLocal.withInitial(
          () -> {
            Utf8Buffer buffer = new Utf8Buffer(INITIAL_BUFFER);
            buffer.enableCache(); // frames' names repeat from event to event
            return buffer;
          });

  /** A serializer. */
  public EventSerializer() {}

  /** The event as JSON, at most {@link #MAX_EVENT_BYTES} long. */
  public byte[] serialize(SentryEvent event) {
    return serialize(event, MAX_EVENT_BYTES);
  }

  /**
   * The event as JSON, at most {@code maxBytes} long, reduced as described above when needed.
   *
   * @throws IllegalArgumentException if {@code maxBytes} is less than {@link #MIN_LIMIT_BYTES}
   */
  public byte[] serialize(SentryEvent event, int maxBytes) {
    if (maxBytes < MIN_LIMIT_BYTES) {
      throw new IllegalArgumentException(
          "maxBytes must be at least " + MIN_LIMIT_BYTES + ", was " + maxBytes);
    }
    try {
      byte[] full = tryWrite(event, Limits.FULL, maxBytes);
      if (full != null) {
        return full;
      }
      for (Limits limits : Limits.REDUCED) {
        byte[] reduced = tryWrite(event, limits, maxBytes);
        if (reduced != null) {
          Diagnostics.debug(
              "event %s was over %d bytes; sent it as '%s' (%d bytes)",
              event.getEventId(), maxBytes, limits, reduced.length);
          return reduced;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable: the output is in memory
    }
    // Unreachable: the minimal event is a few hundred bytes at most.
    throw new IllegalStateException("event " + event.getEventId() + " fits no size limit");
  }

  /** The event written within {@code limits}, or null when it is over {@code maxBytes}. */
  private static byte @Nullable [] tryWrite(SentryEvent event, Limits limits, int maxBytes)
      throws IOException {
    Utf8Buffer buffer = BUFFERS.get();
    buffer.reset(maxBytes);
    try {
      JsonOut w = new JsonOut(buffer);
      new EventWriter(w, limits).write(event);
      w.close();
      return buffer.toByteArray();
    } catch (Utf8Buffer.LimitExceededException e) {
      return null;
    } finally {
      if (buffer.capacity() > RETAINED_BUFFER) {
        BUFFERS.remove();
      }
    }
  }

  @Override
  public String toString() {
    return "EventSerializer{max=" + MAX_EVENT_BYTES + '}';
  }
}
