package io.sentryj.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Breadcrumb;
import io.sentryj.Hint;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.fakes.FakeEventParts;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.integration.LogLevel;
import io.sentryj.integration.LogRecordData;
import io.sentryj.internal.envelope.LogWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.EventDefaults;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.protocol.SdkVersion;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogRecordMapperTest {
  private static final long TIME = 1_700_000_000_123L;

  private final RecordingTransport transport = new RecordingTransport();
  private final List<Hint> hints = new ArrayList<>();
  private final LogRecordMapper mapper =
      new LogRecordMapper("auto.log.test", "test:record", Collections.singleton("requestId"));

  private SentryClient client(SentryOptions.Builder options) {
    EventDefaults defaults =
        new EventDefaults(
            new SdkVersion("sentryj.java", "1.0.0"),
            () -> null,
            Collections.<String, Object>emptyMap(),
            Collections.<String, Object>emptyMap());
    options.beforeSend(
        (event, hint) -> {
          hints.add(hint);
          return event;
        });
    return new SentryClient(
        options.build(),
        defaults,
        new FakeEventParts(),
        transport,
        new DiscardRecorder(null),
        null);
  }

  private static LogRecordData.Builder record(LogLevel level) {
    Map<String, String> mdc = new LinkedHashMap<>();
    mdc.put("requestId", "r-1");
    mdc.put("user", "ada");
    mdc.put("password", "hunter2");
    return LogRecordData.builder(level, TIME)
        .loggerName("com.shop.Checkout")
        .message("payment {} failed", "payment 42 failed", new Object[] {42, true})
        .threadName("worker-1")
        .mdc(mdc)
        .markers("BILLING, AUDIT")
        .source("the library's record");
  }

  @Test
  void anErrorWithAThrowableBecomesAnEventWithTheExceptionAsHandled() {
    SentryClient client = client(SentryOptions.builder());
    IllegalStateException thrown = new IllegalStateException("card declined");

    mapper.captureEvent(client, record(LogLevel.ERROR).throwable(thrown).build());

    SentryEvent event = transport.onlyEvent();
    assertThat(event.getLevel()).isEqualTo(SentryLevel.ERROR);
    assertThat(event.getLogger()).isEqualTo("com.shop.Checkout");
    assertThat(event.getTimestampMillis()).isEqualTo(TIME);
    assertThat(event.getMessage().getFormatted()).isEqualTo("payment 42 failed");
    assertThat(event.getMessage().getMessage()).isEqualTo("payment {} failed");
    assertThat(event.getMessage().getParams()).containsExactly("42", "true");
    List<SentryException> exceptions = event.getExceptions();
    assertThat(exceptions).hasSize(1);
    assertThat(exceptions.get(0).getValue()).isEqualTo("card declined");
    assertThat(exceptions.get(0).getMechanism().getType()).isEqualTo("auto.log.test");
    assertThat(exceptions.get(0).getMechanism().getHandled()).isTrue();
    assertThat(hints.get(0).throwable()).isSameAs(thrown);
    assertThat(hints.get(0).get("test:record", String.class)).isEqualTo("the library's record");
  }

  @Test
  void theMdcBecomesAContextWithSecretsFilteredAndContextTagsBecomeTags() {
    mapper.captureEvent(client(SentryOptions.builder()), record(LogLevel.ERROR).build());

    SentryEvent event = transport.onlyEvent();
    assertThat(event.getTags()).containsEntry("requestId", "r-1");
    @SuppressWarnings("unchecked")
    Map<String, Object> mdc = (Map<String, Object>) event.getContexts().get("MDC");
    assertThat(mdc).containsEntry("user", "ada").containsEntry("password", "[Filtered]");
    assertThat(mdc).doesNotContainKey("requestId");
    assertThat(event.getExtra())
        .containsEntry("thread_name", "worker-1")
        .containsEntry("marker", "BILLING, AUDIT");
    assertThat(event.getExceptions()).isNull();
  }

  @Test
  void aRecordWithoutThrowableCarriesTheCallersStackOnlyWithAttachStacktrace() {
    StackTraceElement frame = new StackTraceElement("com.shop.Checkout", "pay", "Checkout.java", 7);
    LogRecordData logged =
        record(LogLevel.ERROR)
            .threadName(Thread.currentThread().getName())
            .callerData(() -> new StackTraceElement[] {frame})
            .build();

    mapper.captureEvent(client(SentryOptions.builder()), logged);
    mapper.captureEvent(client(SentryOptions.builder().attachStacktrace(true)), logged);

    List<SentryEvent> events = transport.events();
    assertThat(events.get(0).getThreads()).isEmpty();
    assertThat(events.get(1).getThreads()).hasSize(1);
    assertThat(events.get(1).getThreads().get(0).getStacktrace().getFrames())
        .extracting(f -> f.getFunction())
        .containsExactly("pay");
  }

  @Test
  void aLowerRecordBecomesABreadcrumbOfTheNextEvent() {
    SentryClient client = client(SentryOptions.builder());

    mapper.addBreadcrumb(client, record(LogLevel.WARN).build());
    client.captureMessage("later", SentryLevel.ERROR);

    List<Breadcrumb> crumbs = transport.onlyEvent().getBreadcrumbs();
    assertThat(crumbs).hasSize(1);
    Breadcrumb crumb = crumbs.get(0);
    assertThat(crumb.category()).isEqualTo("com.shop.Checkout");
    assertThat(crumb.level()).isEqualTo(SentryLevel.WARNING);
    assertThat(crumb.message()).isEqualTo("payment 42 failed");
    assertThat(crumb.timestampMillis()).isEqualTo(TIME);
    assertThat(crumb.data()).containsEntry("user", "ada").containsEntry("password", "[Filtered]");
  }

  @Test
  void aStructuredLogKeepsTheTemplateAndTypedParameters() {
    LogWriter.Record log =
        mapper.logRecord(client(SentryOptions.builder()), record(LogLevel.INFO).build());

    assertThat(log.level()).isEqualTo(LogWriter.Level.INFO);
    assertThat(log.body()).isEqualTo("payment 42 failed");
    assertThat(log.attributes())
        .containsEntry("sentry.origin", "auto.log.test")
        .containsEntry("sentry.message.template", "payment {} failed")
        .containsEntry("sentry.message.parameter.0", 42)
        .containsEntry("sentry.message.parameter.1", true)
        .containsEntry("logger.name", "com.shop.Checkout")
        .containsEntry("thread.name", "worker-1");
  }

  @Test
  void aBareRecordNeedsNoMoreThanItsLevelAndTime() {
    mapper.captureEvent(
        client(SentryOptions.builder()), LogRecordData.builder(LogLevel.FATAL, TIME).build());

    SentryEvent event = transport.onlyEvent();
    assertThat(event.getLevel()).isEqualTo(SentryLevel.FATAL);
    assertThat(event.getMessage().getParams()).isNull();
    assertThat(event.getContexts().get("MDC")).isNull();
    assertThat(event.getExtra()).containsEntry("thread_name", "null").doesNotContainKey("marker");
  }

  @Test
  void everyLevelIsTheLogLevelOfTheSameName() {
    assertThat(LogRecordMapper.logLevel(LogLevel.WARN)).isEqualTo(LogWriter.Level.WARN);
    for (LogLevel level : LogLevel.values()) {
      assertThat(LogRecordMapper.logLevel(level).name()).isEqualTo(level.name());
    }
  }
}
