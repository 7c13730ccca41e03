package io.sentryj.internal.envelope;

import io.sentryj.Envelope;
import io.sentryj.SentryId;
import org.jspecify.annotations.Nullable;

/**
 * What {@link EnvelopeParser} read: the envelope, whose items hold their payload bytes, and the
 * {@code sent_at} header, which {@link Envelope} deliberately does not carry (protocol rule 4).
 */
public final class ParsedEnvelope {
  private final Envelope envelope;
  private final @Nullable String sentAt;

  ParsedEnvelope(Envelope envelope, @Nullable String sentAt) {
    this.envelope = envelope;
    this.sentAt = sentAt;
  }

  /** The envelope: its headers besides {@code event_id} and {@code sent_at}, and its items. */
  public Envelope envelope() {
    return envelope;
  }

  /** The {@code event_id} header, or null. */
  public @Nullable SentryId eventId() {
    return envelope.eventId();
  }

  /** The {@code sent_at} header as written, or null. */
  public @Nullable String sentAt() {
    return sentAt;
  }

  @Override
  public String toString() {
    return "ParsedEnvelope{" + envelope + ", sent_at=" + sentAt + '}';
  }
}
