package io.sentryj.logback;

import static io.sentryj.logback.LogbackFixture.eventJson;
import static io.sentryj.logback.LogbackFixture.fresh;
import static io.sentryj.logback.LogbackFixture.initSdk;
import static io.sentryj.logback.LogbackFixture.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import com.google.gson.JsonObject;
import io.sentryj.Envelope;
import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.integration.Sdk;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentryAppenderLifecycleTest {
  private final RecordingTransport recording = new RecordingTransport();
  private final FlushRecordingTransport transport = new FlushRecordingTransport(recording);
  private LoggerContext context;

  @AfterEach
  void tearDown() {
    SentryAppender.transportFactoryForTests = null;
    if (context != null) {
      context.stop();
    }
    Sentry.close();
  }

  @Test
  void appenderInitialisesTheSdkFromTheXmlWhenItIsNotRunning() {
    assertThat(Sentry.isEnabled()).isFalse();
    SentryAppender.transportFactoryForTests = options -> transport;

    context = fresh("init-from-xml.xml");

    assertThat(appender().isStarted()).isTrue();
    assertThat(Sentry.isEnabled()).isTrue();
    SentryOptions options = Sdk.current().options();
    assertThat(options.dsn()).isEqualTo(LogbackFixture.DSN);
    assertThat(options.environment()).isEqualTo("staging");
    assertThat(options.originOf("environment")).isEqualTo("logback appender SENTRY");
    context.getLogger("shop").error("from an SDK the appender started");
    JsonObject event = eventJson(recording).get(0);
    assertThat(event.get("environment").getAsString()).isEqualTo("staging");
    assertThat(event.get("release").getAsString()).isEqualTo("shop@1.4.2");
    assertThat(event.getAsJsonObject("tags").get("team").getAsString()).isEqualTo("payments");
  }

  @Test
  void stopFlushesWithTheBoundedTimeoutAndClosesTheSdkTheAppenderStarted() {
    SentryAppender.transportFactoryForTests = options -> transport;
    context = fresh("init-from-xml.xml");
    context.getLogger("shop").error("queued");

    context.stop();
    context = null;

    assertThat(transport.flushTimeouts).containsExactly(500L);
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(recording.isClosed()).isTrue();
    assertThat(recording.events()).hasSize(1);
  }

  @Test
  void sdkInitialisedInCodeIsReusedAndNeverReplacedOrClosed() {
    initSdk(recording, o -> o.environment("from-code").transportFactory(options -> transport));
    Sdk running = Sdk.current();

    context = fresh("init-from-xml.xml");

    assertThat(Sdk.current()).isSameAs(running);
    assertThat(statuses(context, Status.WARN))
        .anySatisfy(m -> assertThat(m).contains("already initialised").contains("ignored"));
    context.getLogger("shop").error("captured by the code's SDK");
    assertThat(eventJson(recording).get(0).get("environment").getAsString()).isEqualTo("from-code");

    context.stop();
    context = null;

    assertThat(transport.flushTimeouts).containsExactly(500L);
    assertThat(Sdk.current()).isSameAs(running);
    assertThat(recording.isClosed()).isFalse();
  }

  @Test
  void aBadLevelIsReportedAndTheAppenderDoesNotStart() {
    initSdk(recording, o -> {});

    context = fresh("bad-level.xml");
    context.getLogger("shop").error("goes nowhere, throws nothing");

    assertThat(appender().isStarted()).isFalse();
    assertThat(statuses(context, Status.ERROR))
        .anySatisfy(m -> assertThat(m).contains("minimumEventLevel").contains("LOUD"));
    assertThat(recording.envelopes()).isEmpty();
  }

  @Test
  void anInvalidDsnIsReportedAndTheAppenderDoesNotStart() {
    context = fresh("bad-dsn.xml");

    assertThat(appender().isStarted()).isFalse();
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(statuses(context, Status.ERROR))
        .anySatisfy(m -> assertThat(m).contains("could not initialise Sentry").contains("dsn"));
  }

  @Test
  void anUnknownOptionIsReportedAndTheAppenderDoesNotStart() {
    context = fresh("unknown-option.xml");

    assertThat(appender().isStarted()).isFalse();
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(statuses(context, Status.ERROR))
        .anySatisfy(m -> assertThat(m).contains("sample-rat"));
  }

  @Test
  void withoutAnyDsnTheAppenderStartsAndWarnsThatSentryIsOff() {
    context = fresh("basic.xml");

    assertThat(appender().isStarted()).isTrue();
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(statuses(context, Status.WARN)).anySatisfy(m -> assertThat(m).contains("no DSN"));
    context.getLogger("shop").error("nowhere to go");
  }

  @Test
  void anAppenderThatWasNeverStartedIgnoresEventsWithoutThrowing() {
    initSdk(recording, o -> {});
    context = new LoggerContext();
    SentryAppender appender = new SentryAppender();
    appender.setContext(context);

    assertThat(appender.isStarted()).isFalse();
    appender.doAppend(
        new LoggingEvent(
            "fqcn", context.getLogger("shop"), Level.ERROR, "not started", null, null));

    assertThat(recording.envelopes()).isEmpty();
  }

  @Test
  void startingTwiceAndStoppingTwiceIsHarmless() {
    initSdk(recording, o -> {});
    context = fresh("basic.xml");
    SentryAppender appender = (SentryAppender) appender();

    appender.start();
    assertThat(context.getTurboFilterList()).hasSize(1);
    appender.stop();
    appender.stop();

    assertThat(appender.isStarted()).isFalse();
    assertThat(context.getTurboFilterList()).isEmpty();
    assertThat(Sentry.isEnabled()).as("the code's SDK stays").isTrue();
  }

  @Test
  void aStartedAppenderIsCountedInItsContextForTheAgentUntilItStops() {
    initSdk(recording, o -> o.transportFactory(options -> transport));
    context = fresh("basic.xml");
    Object count = context.getObject(SentryAppender.STARTED_IN_CONTEXT);
    assertThat(count).isInstanceOf(AtomicInteger.class);
    assertThat(((AtomicInteger) count).get()).isEqualTo(1);

    appender().stop();

    assertThat(((AtomicInteger) count).get()).isZero();
  }

  private Appender<?> appender() {
    return context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("SENTRY");
  }

  /** Records the timeout of every flush, delivering to a recording transport. */
  private static final class FlushRecordingTransport implements Transport {
    final List<Long> flushTimeouts = new CopyOnWriteArrayList<>();
    private final RecordingTransport delegate;

    FlushRecordingTransport(RecordingTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public void send(Envelope envelope) {
      delegate.send(envelope);
    }

    @Override
    public boolean flush(long timeoutMillis) {
      flushTimeouts.add(timeoutMillis);
      return delegate.flush(timeoutMillis);
    }

    @Override
    public void close(long timeoutMillis) {
      delegate.close(timeoutMillis);
    }
  }
}
