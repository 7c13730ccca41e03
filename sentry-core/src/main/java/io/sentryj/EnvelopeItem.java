package io.sentryj;

import io.sentryj.internal.event.EventSizes;
import io.sentryj.protocol.SentryEvent;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One item of an {@link Envelope} (protocol section 2): its type, extra header fields ({@code
 * filename}, {@code content_type}, {@code attachment_type}, {@code item_count}) and its payload.
 * The header {@code length} is computed when written.
 *
 * <p>A payload may be lazy: an event item serializes its event the first time {@link #payload()} is
 * called, which the SDK does on its worker thread, never on the application's. Until then {@link
 * #retainedBytes()} estimates what the item keeps alive, so that a queue can be bounded by real
 * bytes.
 */
public final class EnvelopeItem {
  /** Makes a payload's bytes when first needed. */
  @FunctionalInterface
  public interface PayloadSource {
    /** The payload's bytes. */
    byte[] get() throws IOException;
  }

  /** What an item counts as when nothing better is known: its header, and a lazy source. */
  private static final long ITEM_OVERHEAD_BYTES = 256;

  /** What an event is taken to hold when estimating it failed (a map changed while read). */
  private static final long UNKNOWN_EVENT_BYTES = 64 * 1024;

  private final String type;
  private final Map<String, Object> headers;
  private final @Nullable SentryEvent event;
  private final @Nullable LongSupplier eventSize;
  private final Object lock = new Object();
  private @Nullable PayloadSource source;
  private byte @Nullable [] payload;
  private volatile long retained = -1;

  private EnvelopeItem(
      String type,
      Map<String, Object> headers,
      @Nullable SentryEvent event,
      @Nullable LongSupplier eventSize,
      @Nullable PayloadSource source,
      byte @Nullable [] payload) {
    this.type = type;
    this.eventSize = eventSize;
    this.headers =
        headers.isEmpty()
            ? Collections.<String, Object>emptyMap()
            : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.event = event;
    this.source = source;
    this.payload = payload;
  }

  /** An item with the given bytes as its payload. The array is kept, not copied. */
  public static EnvelopeItem of(String type, Map<String, Object> headers, byte[] payload) {
    return new EnvelopeItem(type, headers, null, null, null, payload);
  }

  /** An item whose payload is made on first use. */
  public static EnvelopeItem lazy(String type, Map<String, Object> headers, PayloadSource source) {
    return new EnvelopeItem(type, headers, null, null, source, null);
  }

  /**
   * An event item that serializes {@code event} with {@code serializer} on first use; its {@link
   * #retainedBytes()} are estimated by walking the event.
   */
  public static EnvelopeItem ofEvent(SentryEvent event, PayloadSource serializer) {
    return ofEvent(event, serializer, () -> EventSizes.approximateBytes(event));
  }

  /**
   * An event item that serializes {@code event} with {@code serializer} on first use, and whose
   * {@link #retainedBytes()} until then are {@code retainedBytes}' estimate, asked for once, when a
   * transport first wants it (so that a transport that does not bound its queue never pays it).
   */
  public static EnvelopeItem ofEvent(
      SentryEvent event, PayloadSource serializer, LongSupplier retainedBytes) {
    return new EnvelopeItem(
        "event", Collections.<String, Object>emptyMap(), event, retainedBytes, serializer, null);
  }

  /** The item type, for example {@code event} or {@code attachment}. */
  public String type() {
    return type;
  }

  /** Header fields besides {@code type} and {@code length}. */
  public Map<String, Object> headers() {
    return headers;
  }

  /** The event of an event item, or null. */
  public @Nullable SentryEvent event() {
    return event;
  }

  /** The data category this item counts under in rate limits and client reports. */
  public DataCategory category() {
    return DataCategory.ofItemType(type);
  }

  /**
   * The payload's bytes, made on first call and kept. Not copied: do not change the array.
   *
   * @throws IOException if a lazy payload cannot be made (for example an unreadable file)
   */
  @SuppressWarnings("mutable")
  public byte[] payload() throws IOException {
    synchronized (lock) {
      byte[] p = payload;
      if (p == null) {
        PayloadSource s = source;
        p = s == null ? new byte[0] : s.get();
        payload = p;
        source = null;
      }
      return p;
    }
  }

  /**
   * An estimate, from above, of the heap bytes this item keeps alive while it waits: its payload
   * once made; before that, for an event item, what the event holds (messages, exceptions and their
   * frames, breadcrumbs, extras...); for another lazy item, only its header, since its payload is
   * made when sent. For a transport's byte bound. Never throws.
   */
  public long retainedBytes() {
    byte[] p;
    synchronized (lock) {
      p = payload;
    }
    if (p != null) {
      return ITEM_OVERHEAD_BYTES + p.length;
    }
    long r = retained;
    if (r < 0) {
      r = ITEM_OVERHEAD_BYTES + estimateEvent();
      retained = r;
    }
    return r;
  }

  private long estimateEvent() {
    LongSupplier size = eventSize;
    if (size == null) {
      return 0;
    }
    try {
      return Math.max(0, size.getAsLong());
    } catch (RuntimeException e) {
      return UNKNOWN_EVENT_BYTES;
    }
  }

  @Override
  public String toString() {
    return "EnvelopeItem{" + type + '}';
  }
}
