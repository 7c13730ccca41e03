package io.sentryj.jul;

import static io.sentryj.jul.JulFixture.configure;
import static io.sentryj.jul.JulFixture.initSdk;
import static io.sentryj.jul.JulFixture.items;
import static io.sentryj.jul.JulFixture.rootHandler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sentryj.Sentry;
import io.sentryj.SentryLevel;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.SentryEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentryHandlerLifecycleTest {
  private final RecordingTransport transport = new RecordingTransport();
  private Logger inCode;
  private SentryHandler handler;

  @AfterEach
  void tearDown() {
    if (inCode != null && handler != null) {
      inCode.removeHandler(handler);
      handler.close();
    }
    JulFixture.reset();
    JulSdk.transportFactoryForTests = null;
    Sentry.close();
  }

  @Test
  void theHandlerInitialisesTheSdkFromLoggingPropertiesAndClosesItWhenTheLogManagerResets() {
    JulSdk.transportFactoryForTests = options -> transport;
    configure("init.properties");

    Logger.getLogger("shop").severe("configured from logging.properties");
    assertThat(Sentry.isEnabled()).isTrue();

    SentryEvent event = transport.onlyEvent();
    assertThat(event.getEnvironment()).isEqualTo("staging");
    assertThat(event.getRelease()).isEqualTo("shop@1.4.2");
    assertThat(event.getTags()).containsEntry("team", "payments").containsEntry("region", "eu");
    JulFixture.reset(); // as when the JVM exits
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(transport.isClosed()).isTrue();
  }

  @Test
  void anSdkInitialisedInCodeIsUsedAndOutlivesTheHandler() {
    initSdk(transport, o -> o.environment("from-code"));
    configure("init.properties");

    Logger.getLogger("shop").severe("one");
    JulFixture.reset();

    assertThat(transport.onlyEvent().getEnvironment()).isEqualTo("from-code");
    assertThat(Sentry.isEnabled()).as("the SDK belongs to the application").isTrue();
  }

  @Test
  void anUnknownLevelInLoggingPropertiesLeavesTheHandlerOffAndIsReportedByName() {
    initSdk(transport, o -> {});
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true));
    try {
      configure("bad-level.properties");
      Logger.getLogger("shop").severe("nowhere to go");
    } finally {
      System.setErr(original);
    }

    assertThat(rootHandler().toString()).contains("on=false");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("io.sentryj.jul.SentryHandler.minimumEventLevel \"LOUD\"");
    assertThat(transport.envelopes()).isEmpty();
  }

  @Test
  void aHandlerBuiltInCodeTakesItsThresholds() {
    initSdk(transport, o -> {});
    handler =
        SentryHandler.builder()
            .minimumEventLevel(Level.WARNING)
            .minimumBreadcrumbLevel(Level.CONFIG)
            .build();
    inCode = Logger.getLogger("shop.inCode");
    inCode.setLevel(Level.ALL);
    inCode.addHandler(handler);

    inCode.fine("below the breadcrumb level");
    inCode.config("a config breadcrumb");
    inCode.warning("a warning event");

    SentryEvent event = transport.onlyEvent();
    assertThat(event.getLevel()).isEqualTo(SentryLevel.WARNING);
    assertThat(event.getBreadcrumbs()).hasSize(1);
    assertThat(event.getBreadcrumbs().get(0).message()).isEqualTo("a config breadcrumb");
  }

  @Test
  void aHandlerBuiltInCodeRefusesAnUnknownOptionByName() {
    assertThatThrownBy(() -> SentryHandler.builder().option("max-breadcrumb", "5").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-breadcrumb");
    assertThatThrownBy(() -> SentryHandler.builder().minimumEventLevel(Level.OFF).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minimumEventLevel \"OFF\"");
  }

  @Test
  void logsAreSentAsStructuredLogsWhenLogsAreEnabled() {
    initSdk(transport, o -> o.logsEnabled(true));
    configure("basic.properties");

    Logger.getLogger("shop.Cart").log(Level.INFO, "added {0} items", 3);
    Logger.getLogger("shop.Cart").fine("below the log minimum");
    Sentry.flush(5000);

    JsonArray logs = items(transport, "log").get(0).json().getAsJsonArray("items");
    assertThat(logs).hasSize(1);
    JsonObject info = logs.get(0).getAsJsonObject();
    assertThat(info.get("body").getAsString()).isEqualTo("added 3 items");
    JsonObject attrs = info.getAsJsonObject("attributes");
    assertThat(attrs.getAsJsonObject("sentry.message.template").get("value").getAsString())
        .isEqualTo("added {0} items");
    assertThat(attrs.getAsJsonObject("sentry.origin").get("value").getAsString())
        .isEqualTo("auto.log.jul");
  }
}
