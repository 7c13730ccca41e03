package io.sentryj.internal.envelope;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Envelope bytes that break the protocol's framing (protocol section 2), and where. */
public final class EnvelopeFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  EnvelopeFormatException(String message, long offset) {
    this(message, offset, null);
  }

  EnvelopeFormatException(String message, long offset, @Nullable Throwable cause) {
    super(message + " (at byte " + offset + ")", cause);
    this.offset = offset;
  }

  /** The byte offset in the envelope where the problem was found. */
  public long offset() {
    return offset;
  }
}
