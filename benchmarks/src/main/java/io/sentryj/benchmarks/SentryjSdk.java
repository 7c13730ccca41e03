package io.sentryj.benchmarks;

import io.sentryj.Envelope;
import io.sentryj.Sentry;
import io.sentryj.Transport;
import io.sentryj.integration.EnvelopeCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/** sentryj, configured like {@link OfficialSdk}. */
final class SentryjSdk implements SdkUnderTest {
  SentryjSdk(Delivery delivery) {
    Sentry.init(
        options ->
            options
                .dsn("https://public@localhost/1")
                .externalConfiguration(false)
                .enableUncaughtExceptionHandler(false)
                .enableShutdownHook(false)
                // the benchmark captures one throwable again and again
                .enableDeduplication(false)
                .maxBreadcrumbs(100)
                .transportFactory(o -> new BenchTransport(delivery)));
  }

  @Override
  public void captureException(Throwable throwable) {
    Sentry.captureException(throwable);
  }

  @Override
  public void captureMessage(String message) {
    Sentry.captureMessage(message);
  }

  @Override
  public void addBreadcrumb(String message) {
    Sentry.addBreadcrumb(message);
  }

  @Override
  public void close() {
    Sentry.close();
  }

  private static final class BenchTransport implements Transport {
    private final Delivery delivery;
    private final DiscardingOutputStream out = new DiscardingOutputStream();

    BenchTransport(Delivery delivery) {
      this.delivery = delivery;
    }

    @Override
    public void send(Envelope envelope) {
      if (delivery == Delivery.SERIALIZE) {
        try {
          EnvelopeCodec.write(envelope, out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    @Override
    public boolean flush(long timeoutMillis) {
      return true;
    }

    @Override
    public void close(long timeoutMillis) {}
  }
}
