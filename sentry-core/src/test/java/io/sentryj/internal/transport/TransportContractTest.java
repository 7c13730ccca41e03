package io.sentryj.internal.transport;

import static io.sentryj.internal.transport.TransportFixtures.config;

import io.sentryj.Transport;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.testing.TransportContract;
import java.nio.file.Path;
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
