package io.sentryj.internal.transport;

import io.sentryj.Envelope;
import io.sentryj.Transport;

/** A transport that sends nothing, for an SDK configured to deliver nowhere. */
public final class NoopTransport implements Transport {
  /** The one instance. */
  public static final NoopTransport INSTANCE = new NoopTransport();

  private NoopTransport() {}

  @Override
  public void send(Envelope envelope) {}

  @Override
  public boolean flush(long timeoutMillis) {
    return true;
  }

  @Override
  public void close(long timeoutMillis) {}

  @Override
  public String toString() {
    return "NoopTransport";
  }
}
