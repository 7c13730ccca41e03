package io.sentryj.internal.transport;

import io.sentryj.Envelope;
import io.sentryj.Transport;

/**
 * Hands every envelope to the main transport and to a Spotlight sink, a local debugging UI that
 * takes the same envelopes. The sink's failures never touch the main delivery or its accounting.
 */
final class TeeTransport implements Transport {
  private final Transport main;
  private final Transport spotlight;

  TeeTransport(Transport main, Transport spotlight) {
    this.main = main;
    this.spotlight = spotlight;
  }

  @Override
  public void send(Envelope envelope) {
    main.send(envelope);
    spotlight.send(envelope);
  }

  @Override
  public boolean flush(long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    boolean ok = main.flush(timeoutMillis);
    long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
    return spotlight.flush(left) && ok;
  }

  @Override
  public void close(long timeoutMillis) {
    spotlight.close(0); // a debugging aid: never let it delay the application's exit
    main.close(timeoutMillis);
  }

  @Override
  public boolean isHealthy() {
    return main.isHealthy();
  }

  @Override
  public String toString() {
    return "TeeTransport{" + main + ", spotlight=" + spotlight + '}';
  }
}
