package io.sentryj.internal.envelope;

import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.SentryId;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.protocol.SdkVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link Envelope} in the protocol's framing (protocol section 2): a header line of
 * compact JSON, then for each item a header line with its {@code type} and its {@code length} in
 * bytes, the payload, and {@code \n}.
 *
 * <p>The envelope header is {@code event_id}, then {@code sent_at} when given, then the envelope's
 * other headers; a key is never written twice (Relay rejects duplicate keys). {@code sent_at} is
 * taken only from the caller, who passes it when sending and null when storing (protocol rule 4).
 *
 * <p>An item whose payload cannot be made (an unreadable attachment file, a failing serializer) is
 * left out alone; the rest is written, and the {@link DroppedItemListener} hears of it so that the
 * loss is counted:
 *
 * <pre>{@code
 * EnvelopeWriter writer = new EnvelopeWriter(
 *     (item, cause) -> discards.record(DiscardReason.INTERNAL_SDK_ERROR, item.category(), 1));
 * writer.write(envelope, connection.getOutputStream(), Rfc3339.format(System.currentTimeMillis()));
 * }</pre>
 *
 * <p>Thread-safe if the listener is.
 */
public final class EnvelopeWriter {
  /** Hears of items left out because their payload could not be made. */
  @FunctionalInterface
  public interface DroppedItemListener {
    /** {@code item} was left out because making its payload threw {@code cause}. */
    void onDropped(EnvelopeItem item, Exception cause);
  }

  private static final int MAX_HEADER_DEPTH = 8;

  private final @Nullable DroppedItemListener listener;

  /** A writer that only logs dropped items. */
  public EnvelopeWriter() {
    this(null);
  }

  /** A writer that tells {@code listener} of each dropped item. */
  public EnvelopeWriter(@Nullable DroppedItemListener listener) {
    this.listener = listener;
  }

  /**
   * Writes the envelope to {@code out}, which is neither flushed nor closed.
   *
   * @param sentAt the {@code sent_at} header (RFC 3339, see {@link Rfc3339}), or null to leave it
   *     out, as when storing the envelope
   * @return the items left out because their payload could not be made; usually empty
   * @throws IOException only when {@code out} throws
   */
  public List<EnvelopeItem> write(Envelope envelope, OutputStream out, @Nullable String sentAt)
      throws IOException {
    out.write(envelopeHeader(envelope, sentAt));
    out.write('\n');
    List<EnvelopeItem> dropped = Collections.emptyList();
    for (EnvelopeItem item : envelope.items()) {
      byte[] payload;
      try {
        payload = item.payload();
      } catch (IOException | RuntimeException e) {
        if (dropped.isEmpty()) {
          dropped = new ArrayList<>();
        }
        dropped.add(item);
        drop(item, e);
        continue;
      }
      out.write(itemHeader(item, payload.length));
      out.write('\n');
      out.write(payload);
      out.write('\n');
    }
    return dropped;
  }

  /** The envelope's bytes, as {@link #write} writes them. */
  public byte[] toByteArray(Envelope envelope, @Nullable String sentAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try {
      write(envelope, out, sentAt);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable: ByteArrayOutputStream does not throw
    }
    return out.toByteArray();
  }

  private void drop(EnvelopeItem item, Exception cause) {
    Diagnostics.warn("left %s out of an envelope: %s", item, Diagnostics.describe(cause));
    DroppedItemListener l = listener;
    if (l != null) {
      try {
        l.onDropped(item, cause);
      } catch (RuntimeException e) {
        Diagnostics.error("dropped-item listener threw", e);
      }
    }
  }

  /** The envelope header line, without its newline. */
  static byte[] envelopeHeader(Envelope envelope, @Nullable String sentAt) throws IOException {
    Utf8Buffer buffer = new Utf8Buffer(256);
    JsonOut w = new JsonOut(buffer);
    w.beginObject();
    SentryId eventId = envelope.eventId();
    if (eventId != null) {
      w.name("event_id").value(eventId.toString());
    }
    if (sentAt != null) {
      w.name("sent_at").value(sentAt);
    }
    ValueWriter values = values(w);
    for (Map.Entry<String, Object> h : envelope.headers().entrySet()) {
      String key = h.getKey();
      // sent_at only from the caller (rule 4); event_id only once.
      if (key.equals("sent_at") || (key.equals("event_id") && eventId != null)) {
        continue;
      }
      writeHeader(w, values, key, h.getValue());
    }
    w.endObject();
    w.close();
    return buffer.toByteArray();
  }

  /** An item's header line, without its newline. */
  static byte[] itemHeader(EnvelopeItem item, int length) throws IOException {
    Utf8Buffer buffer = new Utf8Buffer(128);
    JsonOut w = new JsonOut(buffer);
    w.beginObject();
    w.name("type").value(item.type());
    w.name("length").value(length);
    ValueWriter values = values(w);
    for (Map.Entry<String, Object> h : item.headers().entrySet()) {
      String key = h.getKey();
      if (!key.equals("type") && !key.equals("length")) {
        writeHeader(w, values, key, h.getValue());
      }
    }
    w.endObject();
    w.close();
    return buffer.toByteArray();
  }

  private static ValueWriter values(JsonOut w) {
    return new ValueWriter(w, MAX_HEADER_DEPTH, Limits.UNLIMITED, Limits.UNLIMITED);
  }

  private static void writeHeader(JsonOut w, ValueWriter values, String key, @Nullable Object v)
      throws IOException {
    if (v == null) {
      return;
    }
    w.name(key);
    if (v instanceof SdkVersion) {
      EventWriter.writeSdk(w, (SdkVersion) v, true);
    } else {
      values.write(v);
    }
  }

  @Override
  public String toString() {
    return "EnvelopeWriter{listener=" + listener + '}';
  }
}
