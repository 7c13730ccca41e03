package io.sentryj.logback;

import static io.sentryj.logback.LogbackFixture.bound;
import static io.sentryj.logback.LogbackFixture.fresh;
import static io.sentryj.logback.LogbackFixture.initSdk;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Sentry;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.integration.SdkDiagnostics;
import io.sentryj.protocol.SentryEvent;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentryAppenderRecursionTest {
  private final RecordingTransport transport = new RecordingTransport();
  private LoggerContext context;

  @AfterEach
  void tearDown() {
    if (context != null) {
      context.stop();
    }
    Sentry.close();
  }

  @Test
  void sdkDiagnosticsAndHttpClientInternalsAreNotCaptured() {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");

    context.getLogger(SdkDiagnostics.LOGGER_NAME).error("the SDK's own line");
    context.getLogger("okhttp3.internal.http2.Http2Connection").error("stream reset");
    context.getLogger("okio.AsyncTimeout").error("timeout");
    assertThat(transport.envelopes()).isEmpty();

    context.getLogger("shop").error("an application error");
    assertThat(transport.events()).hasSize(1);
  }

  @Test
  void diagnosticsPrintedThroughSlf4jDoNotComeBackAsEvents() {
    initSdk(transport, o -> o.debug(true));
    context = bound("basic.xml");

    SdkDiagnostics.error("something failed inside the SDK", new IllegalStateException("inner"));
    SdkDiagnostics.warn("a warning from the SDK");

    assertThat(transport.envelopes()).isEmpty();
  }

  @Test
  void linesLoggedOnTheSdksOwnThreadsAreNotCaptured() throws InterruptedException {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");
    Logger log = context.getLogger("com.example.CustomTransport");

    Thread sdkThread = new Thread(() -> log.error("send failed"), "sentryj-transport");
    sdkThread.start();
    sdkThread.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(sdkThread.isAlive()).isFalse();
    assertThat(transport.envelopes()).isEmpty();
  }

  @Test
  void beforeSendThatLogsAnErrorDoesNotLoop() {
    AtomicReference<Logger> logger = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    AtomicLong internalErrors = new AtomicLong();
    initSdk(
        transport,
        o ->
            o.beforeSend(
                    (event, hint) -> {
                      calls.incrementAndGet();
                      logger.get().error("beforeSend saw {}", event.getEventId());
                      return event;
                    })
                .discardListener(
                    (reason, category, quantity) -> {
                      if (reason == DiscardReason.INTERNAL_SDK_ERROR
                          && category == DataCategory.ERROR) {
                        internalErrors.addAndGet(quantity);
                      }
                    }));
    context = fresh("basic.xml");
    logger.set(context.getLogger("shop.Hooks"));

    context.getLogger("shop").error("the one error");

    assertThat(calls.get()).isEqualTo(1);
    assertThat(transport.events()).hasSize(1);
    // dropped before reaching the SDK, not by the SDK's last-resort guard
    assertThat(internalErrors.get()).isZero();
  }

  @Test
  void asyncAppenderWithAFullQueueDoesNotDeadlockWithTheSdk() throws InterruptedException {
    AtomicReference<LoggerContext> ctx = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    initSdk(
        transport,
        o ->
            o.beforeSend(
                (event, hint) -> {
                  if (calls.incrementAndGet() == 1) {
                    awaitFullQueue(ctx.get());
                    // on the async worker, with its queue full: a blocking put would wait forever
                    ctx.get().getLogger("shop.Hooks").error("logged from beforeSend");
                  }
                  return event;
                }));
    context = fresh("async.xml");
    ctx.set(context);
    Logger log = context.getLogger("shop");

    Thread app =
        new Thread(
            () -> {
              for (int i = 0; i < 5; i++) {
                log.error("error {}", i);
              }
            },
            "application");
    app.start();
    app.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(app.isAlive()).as("the application thread is blocked").isFalse();
    awaitEvents(5);
    assertThat(transport.events())
        .extracting(e -> e.getMessage().getFormatted())
        .containsExactly("error 0", "error 1", "error 2", "error 3", "error 4");
  }

  @Test
  void behindAnAsyncAppenderEventsKeepTheLoggingThreadsNameAndMdc() throws InterruptedException {
    initSdk(transport, o -> {});
    context = fresh("async.xml");
    Logger log = context.getLogger("shop");

    Thread app =
        new Thread(
            () -> {
              org.slf4j.MDC.put("orderId", "o-42");
              log.error("order {} failed", 42, new IllegalStateException("declined"));
              org.slf4j.MDC.clear();
            },
            "checkout-7");
    app.start();
    app.join(TimeUnit.SECONDS.toMillis(10));
    context.stop(); // the async appender hands over what it queued before it stops
    context = null;

    SentryEvent event = transport.onlyEvent();
    assertThat(event.getExtra()).containsEntry("thread_name", "checkout-7");
    assertThat(event.getContexts().get("MDC")).containsEntry("orderId", "o-42");
    assertThat(event.getMessage().getMessage()).isEqualTo("order {} failed");
    assertThat(event.getThrowable()).hasMessage("declined");
  }

  private static void awaitFullQueue(LoggerContext context) {
    AsyncAppender async =
        (AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (async.getRemainingCapacity() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  private void awaitEvents(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (transport.events().size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }
}
