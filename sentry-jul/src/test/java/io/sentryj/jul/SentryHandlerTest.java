package io.sentryj.jul;

import static io.sentryj.jul.JulFixture.configure;
import static io.sentryj.jul.JulFixture.initSdk;
import static io.sentryj.jul.JulFixture.onlyEventJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sentryj.Breadcrumb;
import io.sentryj.Sentry;
import io.sentryj.SentryLevel;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.testing.EventSchema;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handler as the JDK's LogManager makes it from {@code logging.properties}. */
class SentryHandlerTest {
  private final RecordingTransport transport = new RecordingTransport();

  @AfterEach
  void tearDown() {
    JulFixture.reset();
    Sentry.close();
  }

  @Test
  void severeBecomesAnEventWithPatternParametersAndFormattedText() {
    initSdk(transport, o -> {});
    configure("basic.properties");

    Logger.getLogger("shop.Checkout")
        .log(Level.SEVERE, "user {0} not found in {1}", new Object[] {42, "eu"});

    JsonObject event = onlyEventJson(transport);
    JsonObject logentry = event.getAsJsonObject("logentry");
    assertThat(logentry.get("message").getAsString()).isEqualTo("user {0} not found in {1}");
    assertThat(logentry.get("formatted").getAsString()).isEqualTo("user 42 not found in eu");
    assertThat(logentry.getAsJsonArray("params").toString()).isEqualTo("[\"42\",\"eu\"]");
    assertThat(event.get("logger").getAsString()).isEqualTo("shop.Checkout");
    assertThat(event.get("level").getAsString()).isEqualTo("error");
    assertThat(event.getAsJsonObject("extra").get("thread_name").getAsString())
        .isEqualTo(Thread.currentThread().getName());
    EventSchema.assertValid(event.toString());
  }

  @Test
  void aThrownIsTheEventsExceptionWithTheJulMechanism() {
    initSdk(transport, o -> {});
    configure("basic.properties");
    IllegalStateException thrown = new IllegalStateException("card rejected");

    Logger.getLogger("shop.Payments").log(Level.SEVERE, "payment failed", thrown);

    JsonObject event = onlyEventJson(transport);
    JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
    JsonObject main = values.get(values.size() - 1).getAsJsonObject();
    assertThat(main.get("type").getAsString()).isEqualTo("IllegalStateException");
    JsonObject mechanism = main.getAsJsonObject("mechanism");
    assertThat(mechanism.get("type").getAsString()).isEqualTo("auto.log.jul");
    assertThat(mechanism.get("handled").getAsBoolean()).isTrue();
    assertThat(transport.onlyEvent().getThrowable()).isSameAs(thrown);
    EventSchema.assertValid(event.toString());
  }

  @Test
  void warningAndInfoBecomeBreadcrumbsOfTheNextEventAndFineDoesNot() {
    initSdk(transport, o -> {});
    configure("basic.properties");
    Logger log = Logger.getLogger("shop.Cart");

    log.fine("below both thresholds");
    log.log(Level.INFO, "added {0} items", 3);
    log.warning("stock low");
    assertThat(transport.envelopes()).isEmpty();
    log.severe("checkout failed");

    List<Breadcrumb> crumbs = transport.onlyEvent().getBreadcrumbs();
    assertThat(crumbs)
        .extracting(Breadcrumb::message)
        .containsExactly("added 3 items", "stock low");
    assertThat(crumbs.get(0).category()).isEqualTo("shop.Cart");
    assertThat(crumbs)
        .extracting(Breadcrumb::level)
        .containsExactly(SentryLevel.INFO, SentryLevel.WARNING);
  }

  @Test
  void thresholdsComeFromLoggingProperties() {
    initSdk(transport, o -> {});
    configure("thresholds.properties");
    Logger log = Logger.getLogger("shop.Cart");

    log.finer("not even a breadcrumb");
    log.fine("a fine breadcrumb");
    log.warning("a warning event");

    assertThat(transport.onlyEvent().getLevel()).isEqualTo(SentryLevel.WARNING);
    List<Breadcrumb> crumbs = transport.onlyEvent().getBreadcrumbs();
    assertThat(crumbs).extracting(Breadcrumb::message).containsExactly("a fine breadcrumb");
    assertThat(crumbs.get(0).level()).isEqualTo(SentryLevel.DEBUG);
  }

  @Test
  void theResourceBundleLocalizesTheTemplateAndTheParametersFillIt() {
    initSdk(transport, o -> {});
    configure("basic.properties");
    Logger log = Logger.getLogger("shop.i18n", "io.sentryj.jul.Messages");

    log.log(Level.SEVERE, "order.failed", new Object[] {"o-1", "checkout"});
    LogRecord record = new LogRecord(Level.SEVERE, "order.failed");
    record.setResourceBundle(ResourceBundle.getBundle("io.sentryj.jul.Messages"));
    record.setParameters(new Object[] {"o-2", "payment"});
    record.setLoggerName("shop.i18n.records");
    Logger.getLogger("shop.i18n.records").log(record);

    assertThat(transport.events())
        .extracting(e -> e.getMessage().getMessage())
        .containsExactly("Order {0} failed at {1}", "Order {0} failed at {1}");
    assertThat(transport.events())
        .extracting(e -> e.getMessage().getFormatted())
        .containsExactly("Order o-1 failed at checkout", "Order o-2 failed at payment");
  }

  @Test
  void onlyTheSdksOwnLoggersAndTheHttpClientsAreLeftOut() {
    initSdk(transport, o -> {});
    configure("basic.properties");

    Logger.getLogger("io.sentryj.diagnostics").severe("the SDK's own line");
    Logger.getLogger("io.sentryj.internal.transport.AsyncTransport").severe("also the SDK's");
    Logger.getLogger("okhttp3.OkHttpClient").severe("OkHttp logs through java.util.logging");
    Logger.getLogger("io.sentryj.samples.Shop").severe("an application's line");

    assertThat(transport.events())
        .extracting(e -> e.getMessage().getFormatted())
        .containsExactly("an application's line");
  }

  @Test
  void aBeforeSendThatLogsASevereLineDoesNotLoop() {
    AtomicInteger calls = new AtomicInteger();
    initSdk(
        transport,
        o ->
            o.beforeSend(
                (event, hint) -> {
                  calls.incrementAndGet();
                  Logger.getLogger("shop.Hooks").severe("beforeSend saw " + event.getEventId());
                  return event;
                }));
    configure("basic.properties");

    Logger.getLogger("shop").severe("the one error");

    assertThat(calls.get()).isEqualTo(1);
    assertThat(transport.events()).hasSize(1);
  }

  @Test
  void linesLoggedOnTheSdksOwnThreadsAreNotCaptured() throws InterruptedException {
    initSdk(transport, o -> {});
    configure("basic.properties");
    Logger log = Logger.getLogger("com.example.CustomTransport");

    Thread sdkThread = new Thread(() -> log.severe("send failed"), "sentryj-transport");
    sdkThread.start();
    sdkThread.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(sdkThread.isAlive()).isFalse();
    assertThat(transport.envelopes()).isEmpty();
  }

  @Test
  void callbacksSeeTheLogRecordInTheirHint() {
    List<String> seen = new CopyOnWriteArrayList<>();
    initSdk(
        transport,
        o ->
            o.beforeBreadcrumb(
                    (crumb, hint) -> {
                      seen.add(hint.get(JulSdk.HINT_LOG_RECORD, LogRecord.class).getMessage());
                      return crumb;
                    })
                .beforeSend(
                    (event, hint) -> {
                      seen.add(hint.get(JulSdk.HINT_LOG_RECORD, LogRecord.class).getMessage());
                      return event;
                    }));
    configure("basic.properties");

    Logger.getLogger("shop").info("a breadcrumb");
    Logger.getLogger("shop").severe("an event");

    assertThat(seen).containsExactly("a breadcrumb", "an event");
  }
}
