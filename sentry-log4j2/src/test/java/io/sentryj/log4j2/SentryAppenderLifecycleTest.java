package io.sentryj.log4j2;

import static io.sentryj.log4j2.Log4jFixture.configuration;
import static io.sentryj.log4j2.Log4jFixture.fresh;
import static io.sentryj.log4j2.Log4jFixture.initSdk;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Sentry;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.SentryEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentryAppenderLifecycleTest {
  private final RecordingTransport transport = new RecordingTransport();
  private LoggerContext context;
  private Log4jFixture.Statuses statuses;

  @AfterEach
  void tearDown() {
    if (context != null) {
      context.stop();
    }
    if (statuses != null) {
      statuses.unregister();
    }
    Log4j2Sdk.transportFactoryForTests = null;
    Sentry.close();
  }

  @Test
  void theAppenderInitialisesTheSdkFromTheXmlAndClosesItWhenItStops() {
    Log4j2Sdk.transportFactoryForTests = options -> transport;
    context = fresh("init-from-xml.xml");
    assertThat(Sentry.isEnabled()).isTrue();

    context.getLogger("shop").error("configured from log4j2.xml");

    SentryEvent event = transport.onlyEvent();
    assertThat(event.getEnvironment()).isEqualTo("staging");
    assertThat(event.getRelease()).isEqualTo("shop@1.4.2");
    assertThat(event.getTags()).containsEntry("team", "payments");
    context.stop();
    context = null;
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(transport.isClosed()).isTrue();
  }

  @Test
  void theAppenderInitialisesTheSdkFromThePropertiesFile() {
    Log4j2Sdk.transportFactoryForTests = options -> transport;
    context = fresh("init-from-properties.properties");

    context.getLogger("shop").error("configured from log4j2.properties");

    assertThat(transport.onlyEvent().getEnvironment()).isEqualTo("staging");
  }

  @Test
  void anSdkInitialisedInCodeIsUsedAndOutlivesTheAppender() {
    initSdk(transport, o -> o.environment("from-code"));
    statuses = Log4jFixture.Statuses.register();
    context = fresh("init-from-xml.xml");
    assertThat(statuses.messages())
        .anySatisfy(m -> assertThat(m).contains("options of appender [SENTRY] are ignored"));

    context.getLogger("shop").error("one");
    context.stop();
    context = null;

    assertThat(transport.onlyEvent().getEnvironment()).isEqualTo("from-code");
    assertThat(Sentry.isEnabled()).as("the SDK belongs to the application").isTrue();
  }

  @Test
  void aReconfigurationKeepsTheSdkTheAppenderStartedRunning() {
    Log4j2Sdk.transportFactoryForTests = options -> transport;
    context = fresh("init-from-xml.xml");

    // as monitorInterval or Configurator.reconfigure do: the new appender starts first
    context.setConfiguration(configuration(context, "init-from-xml.xml"));
    context.getLogger("shop").error("after the reconfiguration");

    assertThat(Sentry.isEnabled()).isTrue();
    assertThat(transport.onlyEvent().getMessage().getFormatted())
        .isEqualTo("after the reconfiguration");
    context.stop();
    context = null;
    assertThat(Sentry.isEnabled()).isFalse();
  }

  @Test
  void anUnknownLevelKeepsTheAppenderOutAndIsReportedByName() {
    statuses = Log4jFixture.Statuses.register();
    initSdk(transport, o -> {});
    context = fresh("bad-level.xml");

    context.getLogger("shop").error("nowhere to go");

    assertThat(context.getConfiguration().getAppenders()).doesNotContainKey("SENTRY");
    assertThat(statuses.messages())
        .anySatisfy(m -> assertThat(m).contains("minimumEventLevel \"LOUD\""));
    assertThat(transport.envelopes()).isEmpty();
  }

  @Test
  void anUnknownOptionKeepsTheAppenderOutAndIsReportedByName() {
    statuses = Log4jFixture.Statuses.register();
    initSdk(transport, o -> {});
    context = fresh("unknown-option.xml");

    assertThat(context.getConfiguration().getAppenders()).doesNotContainKey("SENTRY");
    assertThat(statuses.messages())
        .anySatisfy(m -> assertThat(m).contains("unknown option(s) [max-breadcrumb]"));
  }

  @Test
  void theAppenderSaysWhatItIs() {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");

    assertThat(context.getConfiguration().getAppender("SENTRY").toString())
        .contains("name=SENTRY", "minimumEventLevel=ERROR", "contextTags=requestId", "STARTED");
  }
}
