package io.sentryj.internal.transport;

import static io.sentryj.internal.transport.TransportFixtures.config;

import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.internal.integration.LogBatcher;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.EventDefaults;
import io.sentryj.protocol.SdkVersion;
import io.sentryj.testing.TransportContract;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Every transport of sentry-core, and the test fake, keeps the {@link TransportContract}. */
class TransportContractTest {
  private final SentryServer server = new SentryServer();
  @TempDir Path dir;

  @AfterEach
  void stopServer() {
    server.close();
  }

  private DeliveryProcessor delivery(String name) {
    return new DeliveryProcessor(
        config(server.url(), dir.resolve(name)), new DiscardRecorder(null));
  }

  @Nested
  class TheSdksOwnTransport extends TransportContract {
    @Override
    protected Transport create() {
      return delivery("outbox");
    }
  }

  @Nested
  class TheTransportWithoutOutbox extends TransportContract {
    @Override
    protected Transport create() {
      return new DeliveryProcessor(config(server.url(), null), new DiscardRecorder(null));
    }
  }

  @Nested
  class TheSpotlightTee extends TransportContract {
    @Override
    protected Transport create() {
      return new TeeTransport(delivery("main"), delivery("spotlight"));
    }
  }

  @Nested
  class TheLogBatchersTransport extends TransportContract {
    @Override
    protected Transport create() {
      EventDefaults defaults =
          new EventDefaults(
              new SdkVersion("sentryj.java", "0.1.0"),
              () -> "host-1",
              Collections.emptyMap(),
              Collections.emptyMap());
      return LogBatcher.start(
              SentryOptions.builder().build(),
              defaults,
              delivery("logs"),
              new DiscardRecorder(null))
          .sendingLogsFirst();
    }
  }

  @Nested
  class TheNoopTransport extends TransportContract {
    @Override
    protected Transport create() {
      return Transport.noop();
    }
  }

  @Nested
  class TheRecordingFake extends TransportContract {
    @Override
    protected Transport create() {
      return new RecordingTransport();
    }
  }
}
