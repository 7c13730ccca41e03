package io.sentryj.benchmarks;

import io.sentry.Hint;
import io.sentry.RequestDetails;
import io.sentry.Sentry;
import io.sentry.SentryEnvelope;
import io.sentry.SentryOptions;
import io.sentry.transport.ITransport;
import io.sentry.transport.RateLimiter;
import org.openjdk.jmh.infra.Blackhole;

/** The official Sentry Java SDK, configured like {@link SentryjSdk}. */
final class OfficialSdk implements SdkUnderTest {
  OfficialSdk(Delivery delivery) {
    Sentry.init(
        (SentryOptions options) -> {
          options.setDsn("https://public@localhost/1");
          options.setEnableUncaughtExceptionHandler(false);
          options.setEnableShutdownHook(false);
          // the benchmark captures one throwable again and again
          options.setEnableDeduplication(false);
          options.setMaxBreadcrumbs(100);
          options.setTransportFactory(
              (SentryOptions o, RequestDetails details) -> new Transport(o, delivery));
        });
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

  private static final class Transport implements ITransport {
    private final SentryOptions options;
    private final Delivery delivery;
    private final DiscardingOutputStream out = new DiscardingOutputStream();

    Transport(SentryOptions options, Delivery delivery) {
      this.options = options;
      this.delivery = delivery;
    }

    @Override
    public void send(SentryEnvelope envelope, Hint hint) {
      if (delivery == Delivery.SERIALIZE) {
        try {
          options.getSerializer().serialize(envelope, out);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      } else {
        Blackhole.consumeCPU(0);
      }
    }

    @Override
    public void flush(long timeoutMillis) {}

    @Override
    public RateLimiter getRateLimiter() {
      return null;
    }

    @Override
    public void close(boolean isRestarting) {}

    @Override
    public void close() {}
  }
}
