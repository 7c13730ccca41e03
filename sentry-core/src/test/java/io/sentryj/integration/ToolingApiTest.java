package io.sentryj.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.EnvelopeItem;
import io.sentryj.Sentry;
import io.sentryj.SentryLevel;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.testing.TestSdk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integration API that tools (an agent's commands) use: the outbox, the handler, in-app. */
class ToolingApiTest {
  @AfterEach
  void close() {
    Sentry.close();
  }

  @Test
  void whatWaitsInTheOutboxIsReadBackAsEnvelopes(@TempDir Path dir) throws IOException {
    Sentry.init(
        o ->
            o.externalConfiguration(false)
                .enableShutdownHook(false)
                .enableUncaughtExceptionHandler(false)
                .outboxOnly(true)
                .outboxDir(dir.toString()));
    assertThat(Outbox.directory(Sdk.current().options())).isEqualTo(dir.toAbsolutePath());
    Sentry.captureMessage("kept for later", SentryLevel.ERROR);
    Sentry.close();

    List<String> payloads = new ArrayList<>();
    for (Outbox.Entry entry : Outbox.read(dir)) {
      assertThat(EnvelopeCodec.sentAt(entry.bytes())).as("stored, not sent").isNull();
      for (EnvelopeItem item : EnvelopeCodec.parse(entry.bytes()).items()) {
        payloads.add(new String(item.payload(), StandardCharsets.UTF_8));
      }
    }
    assertThat(payloads).anyMatch(p -> p.contains("kept for later"));
    assertThat(Outbox.storedEnvelopes(dir)).isEqualTo(Outbox.read(dir).size());
    assertThat(Outbox.adoptLeftovers(dir)).isTrue();
  }

  @Test
  void theSdksUncaughtHandlerCapturesInFrontOfAnotherHandler() throws InterruptedException {
    RecordingTransport transport = new RecordingTransport();
    TestSdk.init(transport, o -> o.enableUncaughtExceptionHandler(true));
    Thread.UncaughtExceptionHandler installed = Thread.getDefaultUncaughtExceptionHandler();
    List<Throwable> handedOver = new ArrayList<>();
    Thread.UncaughtExceptionHandler next = (t, e) -> handedOver.add(e);

    assertThat(UncaughtExceptions.isSdkHandler(installed)).isTrue();
    assertThat(UncaughtExceptions.isSdkHandler(next)).isFalse();
    assertThat(UncaughtExceptions.inFrontOf(next, null)).isNull();
    Thread.UncaughtExceptionHandler inFront = UncaughtExceptions.inFrontOf(installed, next);
    IllegalStateException crash = new IllegalStateException("worker died");
    inFront.uncaughtException(Thread.currentThread(), crash);

    assertThat(handedOver).containsExactly(crash);
    SentryEvent event = transport.onlyEvent();
    assertThat(event.getLevel()).isEqualTo(SentryLevel.FATAL);
    assertThat(event.getExceptions().get(0).getMechanism().getHandled()).isFalse();
  }

  @Test
  void theApplicationsPackageIsTheMainClassesUnlessALauncherStartedIt() {
    ClassLoader loader = getClass().getClassLoader();

    ApplicationPackage shop =
        ApplicationPackage.fromCommand("com.acme.shop.ShopApplication --port 8080", loader);
    assertThat(shop.prefix()).isEqualTo("com.acme.shop.");
    assertThat(shop.toString()).contains("com.acme.shop.").contains(shop.source());
    assertThat(ApplicationPackage.fromCommand("org.junit.platform.Launcher", loader)).isNull();
    assertThat(ApplicationPackage.fromCommand(null, loader)).isNull();
  }
}
