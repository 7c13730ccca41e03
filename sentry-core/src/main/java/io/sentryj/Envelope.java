package io.sentryj;

import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.internal.envelope.Rfc3339;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Transport} delivers (protocol section 2): envelope headers and items. Immutable;
 * {@code sent_at} is not part of it, because it is written only at send time (protocol rule 4).
 */
public final class Envelope {
  private final @Nullable SentryId eventId;
  private final Map<String, Object> headers;
  private final List<EnvelopeItem> items;

  /**
   * An envelope.
   *
   * @param eventId the {@code event_id} header, required when an event or attachment is inside
   * @param headers further header fields such as {@code dsn}, {@code sdk} (a map) and {@code trace}
   *     (a map of strings); not {@code event_id} or {@code sent_at}
   * @param items the items, in order
   */
  public Envelope(
      @Nullable SentryId eventId, Map<String, Object> headers, List<EnvelopeItem> items) {
    this.eventId = eventId;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.items = Collections.unmodifiableList(new ArrayList<>(items));
  }

  /** The {@code event_id} header, or null. */
  public @Nullable SentryId eventId() {
    return eventId;
  }

  /** Header fields besides {@code event_id} and {@code sent_at}. */
  public Map<String, Object> headers() {
    return headers;
  }

  /** The items, in order. */
  public List<EnvelopeItem> items() {
    return items;
  }

  /** A copy of this envelope with other items (for example without rate-limited ones). */
  public Envelope withItems(List<EnvelopeItem> newItems) {
    return new Envelope(eventId, headers, newItems);
  }

  /**
   * Writes the envelope as Sentry's ingestion endpoint takes it (protocol section 2), with {@code
   * sent_at} set to now: what a custom {@link Transport} posts to {@code /api/<project>/envelope/}.
   * An item whose payload cannot be made (an unreadable attachment file) is left out, with a
   * diagnostic line. {@code out} is neither flushed nor closed.
   *
   * <pre>{@code
   * try (OutputStream body = connection.getOutputStream()) {
   *   envelope.writeTo(body);
   * }
   * }</pre>
   *
   * @throws IOException only when {@code out} throws
   */
  public void writeTo(OutputStream out) throws IOException {
    new EnvelopeWriter().write(this, out, Rfc3339.format(System.currentTimeMillis()));
  }

  /** The envelope's bytes, as {@link #writeTo} writes them. */
  public byte[] toByteArray() {
    return new EnvelopeWriter().toByteArray(this, Rfc3339.format(System.currentTimeMillis()));
  }

  @Override
  public String toString() {
    return "Envelope{" + eventId + ", " + items + '}';
  }
}
