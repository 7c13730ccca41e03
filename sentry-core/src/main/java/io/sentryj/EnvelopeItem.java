package io.sentryj;

import io.sentryj.protocol.SentryEvent;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One item of an {@link Envelope} (protocol section 2): its type, extra header fields ({@code
 * filename}, {@code content_type}, {@code attachment_type}, {@code item_count}) and its payload.
 * The header {@code length} is computed when written.
 *
 * <p>A payload may be lazy: an event item serializes its event the first time {@link #payload()} is
 * called, which the SDK does on its worker thread, never on the application's.
 */
public final class EnvelopeItem {
  /** Makes a payload's bytes when first needed. */
  @FunctionalInterface
  public interface PayloadSource {
    /** The payload's bytes. */
    byte[] get() throws IOException;
  }

  private final String type;
  private final Map<String, Object> headers;
  private final @Nullable SentryEvent event;
  private final Object lock = new Object();
  private @Nullable PayloadSource source;
  private byte @Nullable [] payload;

  private EnvelopeItem(
      String type,
      Map<String, Object> headers,
      @Nullable SentryEvent event,
      @Nullable PayloadSource source,
      byte @Nullable [] payload) {
    this.type = type;
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
    return new EnvelopeItem(type, headers, null, null, payload);
  }

  /** An item whose payload is made on first use. */
  public static EnvelopeItem lazy(String type, Map<String, Object> headers, PayloadSource source) {
    return new EnvelopeItem(type, headers, null, source, null);
  }

  /** An event item that serializes {@code event} with {@code serializer} on first use. */
  public static EnvelopeItem ofEvent(SentryEvent event, PayloadSource serializer) {
    return new EnvelopeItem(
        "event", Collections.<String, Object>emptyMap(), event, serializer, null);
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

  @Override
  public String toString() {
    return "EnvelopeItem{" + type + '}';
  }
}
