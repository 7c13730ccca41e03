package io.sentryj.logback;

import io.sentryj.Envelope;
import io.sentryj.Transport;
import org.jspecify.annotations.Nullable;

/**
 * The {@code <transport class="..."/>} of the test configurations: Logback makes it, and it hands
 * everything to the transport the running test put in {@link #delegate}.
 */
public final class XmlConfiguredTransport implements Transport {
  /** Where this transport's calls go; set by the test before the configuration is read. */
  static volatile @Nullable Transport delegate;

  /** What Logback calls. */
  public XmlConfiguredTransport() {}

  private static Transport delegate() {
    Transport d = delegate;
    return d != null ? d : Transport.noop();
  }

  @Override
  public void send(Envelope envelope) {
    delegate().send(envelope);
  }

  @Override
  public boolean flush(long timeoutMillis) {
    return delegate().flush(timeoutMillis);
  }

  @Override
  public void close(long timeoutMillis) {
    delegate().close(timeoutMillis);
  }

  @Override
  public String toString() {
    return "XmlConfiguredTransport{" + delegate + '}';
  }
}
