package io.sentryj.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentryj.Breadcrumb;
import io.sentryj.Envelope;
import io.sentryj.Sentry;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.testing.TestSdk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The integration API over a running SDK: what the appenders, filters and the agent rely on. */
class SdkTest {
  private final RecordingTransport transport = new RecordingTransport();

  @AfterEach
  void close() {
    Sentry.close();
  }

  @Test
  void theRunningSdkIsTheOneTheFacadeUsesAndIsGoneAfterClose() {
    assertThat(Sdk.current()).isNull();
    TestSdk.init(transport, o -> o.environment("staging"));

    Sdk sdk = Sdk.current();
    assertThat(sdk).isNotNull();
    assertThat(sdk.options().environment()).isEqualTo("staging");
    assertThat(Sdk.current()).isSameAs(sdk);
    Sentry.close();

    assertThat(Sdk.current()).isNull();
    assertThat(Sentry.isEnabled()).isFalse();
  }

  @Test
  void anExceptionIsCapturedWithTheIntegrationsMechanismAndLevel() {
    TestSdk.init(transport, o -> {});

    Sdk.current()
        .captureException(
            new IllegalStateException("queue down"), "auto.queue", false, SentryLevel.FATAL, null);

    SentryEvent event = transport.onlyEvent();
    assertThat(event.getLevel()).isEqualTo(SentryLevel.FATAL);
    assertThat(event.getExceptions().get(0).getMechanism().getType()).isEqualTo("auto.queue");
    assertThat(event.getExceptions().get(0).getMechanism().getHandled()).isFalse();
  }

  @Test
  void aForkedUnitOfWorkKeepsItsDataToItselfAndTheTokenRestoresTheThread() {
    TestSdk.init(transport, o -> {});
    Sdk sdk = Sdk.current();
    assertThat(sdk.inUnitOfWork()).isFalse();

    ScopeFork unit = sdk.forkIsolation();
    unit.isolation().setTag("job", "42");
    unit.setRequest(() -> request("https://shop.example/orders?password=hunter2"));
    try (ScopeFork.Token token = unit.enter()) {
      assertThat(sdk.inUnitOfWork()).isTrue();
      sdk.captureMessage("inside", SentryLevel.ERROR);
    }
    assertThat(sdk.inUnitOfWork()).isFalse();
    sdk.captureMessage("outside", SentryLevel.ERROR);

    SentryEvent inside = transport.events().get(0);
    SentryEvent outside = transport.events().get(1);
    assertThat(inside.getTags()).containsEntry("job", "42");
    assertThat(inside.getRequest().getQueryString()).isEqualTo("password=[Filtered]");
    assertThat(outside.getTags()).doesNotContainKey("job");
    assertThat(outside.getRequest()).isNull();
  }

  @Test
  void aContinuedTraceIsTheOneOutgoingHeadersAndEventsCarry() {
    TestSdk.init(transport, o -> o.release("shop@1.0"));
    Sdk sdk = Sdk.current();
    String traceId = "771a43a4192642f0b136d5159a501700";

    ScopeFork unit = sdk.forkIsolation();
    unit.continueTrace(traceId + "-b3fa1e1f2e2a5e4d-1", null, null);
    Map<String, String> headers;
    try (ScopeFork.Token token = unit.enter()) {
      headers = sdk.outgoingTraceHeaders();
      sdk.captureMessage("traced", SentryLevel.ERROR);
    }

    assertThat(headers.keySet()).containsExactly("sentry-trace", "baggage");
    assertThat(headers.get("sentry-trace")).startsWith(traceId + "-").endsWith("-1");
    assertThat(transport.onlyEvent().getContexts().getTrace().getTraceId().toString())
        .isEqualTo(traceId);
  }

  @Test
  void aTaskForkGoesOnWithTheSubmittersBreadcrumbsOnAnotherThread() throws Exception {
    TestSdk.init(transport, o -> {});
    Sdk sdk = Sdk.current();
    ScopeFork unit = sdk.forkIsolation();
    ScopeFork task;
    try (ScopeFork.Token token = unit.enter()) {
      sdk.addBreadcrumb(Breadcrumb.info("submitted"), null);
      task = sdk.forkForTask();
    }

    Thread worker =
        new Thread(
            () -> {
              try (ScopeFork.Token token = task.enter()) {
                sdk.captureMessage("in the task", SentryLevel.ERROR);
              }
            });
    worker.start();
    worker.join();

    assertThat(transport.onlyEvent().getBreadcrumbs())
        .extracting(Breadcrumb::message)
        .contains("submitted");
  }

  @Test
  void oneFlushSendsQueuedStructuredLogs() {
    TestSdk.init(transport, o -> o.logsEnabled(true));
    LogCapture capture = LogCapture.builder("auto.log.test").build();

    capture.record(Sdk.current(), record(LogLevel.WARN, "disk almost full"));
    assertThat(transport.envelopes()).isEmpty();
    assertThat(Sdk.current().flush(2000)).isTrue();

    assertThat(transport.envelopes()).hasSize(1);
    assertThat(transport.envelopes().get(0).items().get(0).type()).isEqualTo("log");
  }

  @Test
  void aRecordBecomesAnEventABreadcrumbOrNothingByItsLevel() {
    TestSdk.init(transport, o -> {});
    LogCapture capture =
        LogCapture.builder("auto.log.test").minimumBreadcrumbLevel(LogLevel.INFO).build();
    Sdk sdk = Sdk.current();

    assertThat(capture.wants(LogLevel.DEBUG)).isFalse();
    capture.record(sdk, record(LogLevel.DEBUG, "noise"));
    capture.record(sdk, record(LogLevel.INFO, "cart opened"));
    capture.record(sdk, record(LogLevel.ERROR, "payment failed"));

    SentryEvent event = transport.onlyEvent();
    assertThat(event.getMessage().getFormatted()).isEqualTo("payment failed");
    assertThat(event.getLogger()).isEqualTo("shop.Checkout");
    assertThat(event.getBreadcrumbs()).extracting(Breadcrumb::message).contains("cart opened");
    assertThat(event.getBreadcrumbs()).extracting(Breadcrumb::message).doesNotContain("noise");
  }

  @Test
  void theSdksOwnRecordsAreToldApartFromTheApplicationsByOneRule() throws Exception {
    assertThat(LogCapture.isSdkRecord(SdkDiagnostics.LOGGER_NAME)).isTrue();
    assertThat(LogCapture.isSdkRecord("io.sentryj.internal.transport.DeliveryWorker")).isTrue();
    assertThat(LogCapture.isSdkRecord("io.sentryj.logback.SentryAppender")).isTrue();
    assertThat(LogCapture.isSdkRecord("okhttp3.internal.http2.Http2")).isTrue();
    assertThat(LogCapture.isSdkRecord("com.shop.Checkout")).isFalse();
    assertThat(LogCapture.isSdkRecord("io.sentryj.samples.console.ConsoleSample")).isFalse();
    assertThat(LogCapture.isSdkRecord(null)).isFalse();

    boolean[] onSdkThread = new boolean[1];
    Thread sdkThread =
        new Thread(() -> onSdkThread[0] = LogCapture.isSdkRecord("com.shop"), "sentryj-transport");
    sdkThread.start();
    sdkThread.join();
    assertThat(onSdkThread[0]).isTrue();
  }

  @Test
  void optionsSetFromTextSayWhereTheyCameFrom() {
    SentryOptions.Builder builder = SentryOptions.builder();
    TextOptions.set(builder, "max-breadcrumbs", "7", "log4j2 appender SENTRY");
    assertThat(builder.build().maxBreadcrumbs()).isEqualTo(7);

    assertThatThrownBy(() -> TextOptions.set(builder, "max-breadcrumbs", "many", "jul handler"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-breadcrumbs")
        .hasMessageContaining("jul handler");
    assertThat(TextOptions.isKnown("tags.team")).isTrue();
    assertThat(TextOptions.isKnown("max-breadcrumbs")).isTrue();
    assertThat(TextOptions.isKnown("no-such-option")).isFalse();
  }

  @Test
  void anEnvelopeWrittenAsBytesReadsBackTheSame() throws IOException {
    TestSdk.init(transport, o -> {});
    Sdk.current().captureMessage("round trip", SentryLevel.ERROR);
    Envelope sent = transport.envelopes().get(0);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EnvelopeCodec.write(sent, out);
    Envelope read = EnvelopeCodec.parse(out.toByteArray());

    assertThat(out.toByteArray()).isEqualTo(EnvelopeCodec.toByteArray(sent));
    assertThat(read.eventId()).isEqualTo(sent.eventId());
    assertThat(new String(read.items().get(0).payload(), StandardCharsets.UTF_8))
        .contains("round trip");
    assertThatThrownBy(
            () -> EnvelopeCodec.parse("not an envelope".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aDsnIsNeverPrintedWithItsSecret() {
    String dsn = "https://public:s3cr3t@o1.ingest.sentry.io/42";

    assertThat(SentryDsn.mask(dsn)).doesNotContain("s3cr3t").contains("public");
    assertThat(SentryDsn.parse(dsn).toString()).doesNotContain("s3cr3t");
    assertThat(SentryDsn.parse(dsn).projectId()).isEqualTo("42");
    assertThat(SentryDsn.mask(null)).isEqualTo("(none)");
  }

  private static LogRecordData record(LogLevel level, String message) {
    return LogRecordData.builder(level, System.currentTimeMillis())
        .loggerName("shop.Checkout")
        .message(message, message, null)
        .threadName(Thread.currentThread().getName())
        .build();
  }

  private static Request request(String url) {
    Request r = new Request();
    int q = url.indexOf('?');
    r.setMethod("GET");
    r.setUrl(url.substring(0, q));
    r.setQueryString(url.substring(q + 1));
    return r;
  }
}
