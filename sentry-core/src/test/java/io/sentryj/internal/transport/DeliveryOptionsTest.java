package io.sentryj.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentryj.SentryOptions;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The delivery options, as text and in the transport configuration they make. */
class DeliveryOptionsTest {
  @Test
  void defaultsAreDocumented() {
    SentryOptions o = SentryOptions.builder().dsn("https://k@o1.ingest.sentry.io/42").build();
    assertThat(o.maxQueueSize()).isEqualTo(1000);
    assertThat(o.maxQueueBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(o.connectionTimeoutMillis()).isEqualTo(5000);
    assertThat(o.readTimeoutMillis()).isEqualTo(5000);
    assertThat(o.writeTimeoutMillis()).isEqualTo(5000);
    assertThat(o.enableOutbox()).isTrue();
    assertThat(o.outboxDir()).isNull();
    assertThat(o.outboxMaxItems()).isEqualTo(1000);
    assertThat(o.outboxMaxBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(o.outboxOnly()).isFalse();
    assertThat(o.spotlight()).isFalse();
    assertThat(o.spotlightUrl()).isEqualTo("http://localhost:8969/stream");

    TransportConfig c = TransportConfig.forOptions(o);
    assertThat(c.url).isEqualTo("https://o1.ingest.sentry.io/api/42/envelope/");
    assertThat(c.outboxDir)
        .isEqualTo(Paths.get(System.getProperty("java.io.tmpdir"), "sentryj", hash(o)));
  }

  private static String hash(SentryOptions o) {
    return io.sentryj.internal.config.Dsn.parse(o.dsn()).hash();
  }

  @Test
  void keysSetTheirOptions() {
    SentryOptions o =
        SentryOptions.builder()
            .option("max-queue-size", "10")
            .option("cache-dir-path", "/var/cache/app")
            .option("outbox-only", "true")
            .option("spotlight", "true")
            .option("spotlight-url", "http://localhost:9000/stream")
            .option("read-timeout-millis", "250")
            .build();
    assertThat(o.maxQueueSize()).isEqualTo(10);
    assertThat(o.outboxDir()).isEqualTo("/var/cache/app");
    assertThat(o.outboxOnly()).isTrue();
    assertThat(o.spotlightUrl()).isEqualTo("http://localhost:9000/stream");
    assertThat(o.readTimeoutMillis()).isEqualTo(250);
    assertThat(o.originOf("cache-dir-path")).isEqualTo("code");
    assertThat(Transports.deliversSomewhere(o)).isTrue();

    TransportConfig c = TransportConfig.forOptions(o);
    assertThat(c.url).isNull(); // outbox only: nothing is sent
    assertThat(c.outboxDir).isEqualTo(Paths.get("/var/cache/app"));
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> SentryOptions.builder().option("max-queue-size", "0").build())
        .hasMessageContaining("max-queue-size");
    assertThatThrownBy(() -> SentryOptions.builder().option("spotlight-url", "localhost").build())
        .hasMessageContaining("spotlight-url");
    assertThatThrownBy(() -> SentryOptions.builder().option("enable-outbox", "maybe"))
        .hasMessageContaining("enable-outbox");
  }

  @Test
  void withoutADsnOrOutboxOnlyOrSpotlightNothingIsDelivered() {
    assertThat(Transports.deliversSomewhere(SentryOptions.builder().build())).isFalse();
  }
}
