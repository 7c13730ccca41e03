package io.sentryj.log4j2;

import static io.sentryj.log4j2.Log4jFixture.eventJson;
import static io.sentryj.log4j2.Log4jFixture.fresh;
import static io.sentryj.log4j2.Log4jFixture.initSdk;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sentryj.Breadcrumb;
import io.sentryj.Sentry;
import io.sentryj.SentryLevel;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.testing.EventSchema;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentryAppenderTest {
  private final RecordingTransport transport = new RecordingTransport();
  private LoggerContext context;

  @AfterEach
  void tearDown() {
    if (context != null) {
      context.stop();
    }
    ThreadContext.clearMap();
    Sentry.close();
  }

  @Test
  void errorBecomesEventWithTemplateParametersAndFormattedText() {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");
    Logger log = context.getLogger("shop.Checkout");

    log.error("user {} not found in {}", 42, "eu");

    JsonObject event = eventJson(transport).get(0);
    JsonObject logentry = event.getAsJsonObject("logentry");
    assertThat(logentry.get("message").getAsString()).isEqualTo("user {} not found in {}");
    assertThat(logentry.get("formatted").getAsString()).isEqualTo("user 42 not found in eu");
    assertThat(logentry.getAsJsonArray("params").toString()).isEqualTo("[\"42\",\"eu\"]");
    assertThat(event.get("logger").getAsString()).isEqualTo("shop.Checkout");
    assertThat(event.get("level").getAsString()).isEqualTo("error");
    EventSchema.assertValid(event.toString());
  }

  @Test
  void fatalIsAFatalEvent() {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");

    context.getLogger("shop").fatal("out of memory for orders");

    assertThat(transport.onlyEvent().getLevel()).isEqualTo(SentryLevel.FATAL);
  }

  @Test
  void aThrowableAfterTheParametersIsTheEventsExceptionAndNotAParameter() {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");
    IllegalStateException thrown =
        new IllegalStateException("card rejected", new RuntimeException("gateway down"));

    context.getLogger("shop.Payments").error("payment {} failed", "p-7", thrown);

    JsonObject event = eventJson(transport).get(0);
    JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
    JsonObject main = values.get(values.size() - 1).getAsJsonObject();
    assertThat(main.get("type").getAsString()).isEqualTo("IllegalStateException");
    assertThat(main.get("value").getAsString()).isEqualTo("card rejected");
    JsonObject mechanism = main.getAsJsonObject("mechanism");
    assertThat(mechanism.get("type").getAsString()).isEqualTo("auto.log.log4j2");
    assertThat(mechanism.get("handled").getAsBoolean()).isTrue();
    assertThat(event.getAsJsonObject("logentry").getAsJsonArray("params").toString())
        .isEqualTo("[\"p-7\"]");
    assertThat(transport.onlyEvent().getThrowable()).isSameAs(thrown);
    EventSchema.assertValid(event.toString());
  }

  @Test
  void onlyTheSdksOwnLoggersAreLeftOut() {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");

    context.getLogger("io.sentryj.diagnostics").error("the SDK's own line");
    context.getLogger("io.sentryj.internal.transport.AsyncTransport").error("also the SDK's");
    context.getLogger("okhttp3.OkHttpClient").error("the sender's client");
    context.getLogger("okio.AsyncTimeout").error("its I/O library");
    context.getLogger("io.sentryj.samples.Shop").error("an application's line");

    assertThat(transport.events())
        .extracting(e -> e.getMessage().getFormatted())
        .containsExactly("an application's line");
  }

  @Test
  void levelsBetweenTheThresholdsBecomeBreadcrumbsOfTheNextEvent() {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");
    Logger log = context.getLogger("shop.Cart");

    log.debug("below both thresholds");
    ThreadContext.put("cartId", "c-9");
    ThreadContext.put("sessionToken", "s3cr3t");
    log.info("added {} items", 3);
    ThreadContext.clearMap();
    log.warn("stock low");
    assertThat(transport.envelopes()).isEmpty();
    log.error("checkout failed");

    List<Breadcrumb> crumbs = transport.onlyEvent().getBreadcrumbs();
    assertThat(crumbs)
        .extracting(Breadcrumb::message)
        .containsExactly("added 3 items", "stock low");
    Breadcrumb first = crumbs.get(0);
    assertThat(first.category()).isEqualTo("shop.Cart");
    assertThat(first.level()).isEqualTo(SentryLevel.INFO);
    assertThat(first.data())
        .containsEntry("cartId", "c-9")
        .containsEntry("sessionToken", "[Filtered]");
    assertThat(crumbs.get(1).level()).isEqualTo(SentryLevel.WARNING);
  }

  @Test
  void thresholdsComeFromThePropertiesFile() {
    initSdk(transport, o -> {});
    context = fresh("thresholds.properties");
    Logger log = context.getLogger("shop.Cart");

    log.trace("not even a breadcrumb");
    log.debug("a debug breadcrumb");
    log.warn("a warning event");

    JsonObject event = eventJson(transport).get(0);
    assertThat(transport.events()).hasSize(1);
    assertThat(event.get("level").getAsString()).isEqualTo("warning");
    JsonArray crumbs = event.getAsJsonObject("breadcrumbs").getAsJsonArray("values");
    assertThat(crumbs).hasSize(1);
    assertThat(crumbs.get(0).getAsJsonObject().get("message").getAsString())
        .isEqualTo("a debug breadcrumb");
    assertThat(crumbs.get(0).getAsJsonObject().get("level").getAsString()).isEqualTo("debug");
  }

  @Test
  void threadContextGoesToAScrubbedMdcContextAndContextTagsToTags() {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");
    ThreadContext.put("requestId", "req-1");
    ThreadContext.put("userId", "7");
    ThreadContext.put("db_password", "hunter2");
    ThreadContext.put("Authorization", "Bearer abc");

    context.getLogger("shop.Api").error("request failed");

    JsonObject event = eventJson(transport).get(0);
    assertThat(event.getAsJsonObject("tags").get("requestId").getAsString()).isEqualTo("req-1");
    JsonObject mdc = event.getAsJsonObject("contexts").getAsJsonObject("MDC");
    assertThat(mdc.get("userId").getAsString()).isEqualTo("7");
    assertThat(mdc.get("db_password").getAsString()).isEqualTo("[Filtered]");
    assertThat(mdc.get("Authorization").getAsString()).isEqualTo("[Filtered]");
    assertThat(mdc.has("requestId")).isFalse();
    assertThat(event.toString()).doesNotContain("hunter2").doesNotContain("Bearer abc");
  }

  @Test
  void contextTagsFromThePropertiesFileMayBeCommaSeparatedAndSensitiveValuesAreFiltered() {
    initSdk(transport, o -> {});
    context = fresh("context-tags.properties");
    ThreadContext.put("tenant", "acme");
    ThreadContext.put("region", "eu-1");
    ThreadContext.put("sessionId", "abc123");

    context.getLogger("shop").error("tagged");

    assertThat(transport.onlyEvent().getTags())
        .containsEntry("tenant", "acme")
        .containsEntry("region", "eu-1")
        .containsEntry("sessionId", "[Filtered]");
  }

  @Test
  void theMarkerAndThreadNameGoToExtra() {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");

    context.getLogger("shop.Audit").error(MarkerManager.getMarker("SECURITY"), "login refused");

    JsonObject extra = eventJson(transport).get(0).getAsJsonObject("extra");
    assertThat(extra.get("marker").getAsString()).isEqualTo("SECURITY");
    assertThat(extra.get("thread_name").getAsString()).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void aMessageEventCarriesTheCallersStackWithAttachStacktrace() {
    initSdk(transport, o -> o.attachStacktrace(true));
    context = fresh("basic.xml");

    context.getLogger("shop.Api").error("no exception here");

    JsonObject event = eventJson(transport).get(0);
    assertThat(event.has("exception")).isFalse();
    JsonObject thread =
        event.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
    JsonArray frames = thread.getAsJsonObject("stacktrace").getAsJsonArray("frames");
    JsonObject callSite = frames.get(frames.size() - 1).getAsJsonObject();
    assertThat(callSite.get("function").getAsString())
        .isEqualTo("aMessageEventCarriesTheCallersStackWithAttachStacktrace");
    assertThat(frames.toString())
        .doesNotContain("org.apache.logging")
        .doesNotContain("io.sentryj.log4j2.SentryAppender\"");
    EventSchema.assertValid(event.toString());
  }

  @Test
  void callbacksSeeTheLog4jEventInTheirHint() {
    List<String> seen = new CopyOnWriteArrayList<>();
    initSdk(
        transport,
        o ->
            o.beforeBreadcrumb(
                    (crumb, hint) -> {
                      LogEvent e = hint.get(Log4j2Sdk.HINT_LOG_EVENT, LogEvent.class);
                      seen.add(e.getMessage().getFormattedMessage());
                      return crumb;
                    })
                .beforeSend(
                    (event, hint) -> {
                      LogEvent e = hint.get(Log4j2Sdk.HINT_LOG_EVENT, LogEvent.class);
                      seen.add(e.getMessage().getFormattedMessage());
                      return event;
                    }));
    context = fresh("basic.xml");

    context.getLogger("shop").info("a breadcrumb");
    context.getLogger("shop").error("an event");

    assertThat(seen).containsExactly("a breadcrumb", "an event");
  }

  @Test
  void linesDifferingOnlyInParametersCarryTheSameTemplate() {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");
    Logger log = context.getLogger("shop.Checkout");

    log.error("payment {} declined", "p-1");
    log.error("payment {} declined", "p-2");

    List<SentryEvent> events = transport.events();
    assertThat(events)
        .extracting(e -> e.getMessage().getMessage())
        .containsExactly("payment {} declined", "payment {} declined");
    assertThat(events)
        .extracting(e -> e.getMessage().getFormatted())
        .containsExactly("payment p-1 declined", "payment p-2 declined");
  }
}
