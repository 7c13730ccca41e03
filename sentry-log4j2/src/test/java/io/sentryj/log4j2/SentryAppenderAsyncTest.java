package io.sentryj.log4j2;

import static io.sentryj.log4j2.Log4jFixture.fresh;
import static io.sentryj.log4j2.Log4jFixture.freshAsync;
import static io.sentryj.log4j2.Log4jFixture.initSdk;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Sentry;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.testing.Await;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AsyncAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Recursion and Log4j's asynchronous paths: the {@code Async} appender (a blocking queue) and async
 * loggers (the LMAX Disruptor), all-async as {@code AsyncLoggerContextSelector} makes them and
 * mixed as {@code <AsyncRoot>} does.
 */
class SentryAppenderAsyncTest {
  private static final long DEADLINE_MILLIS = TimeUnit.SECONDS.toMillis(30);

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
    ThreadContext.clearMap();
    Sentry.close();
  }

  @Test
  void aBeforeSendThatLogsAnErrorNeitherLoopsNorTripsLog4jsRecursionCheck() {
    AtomicReference<Logger> hooks = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    initSdk(transport, o -> o.beforeSend((event, hint) -> logFrom(hooks, calls, event)));
    statuses = Log4jFixture.Statuses.register();
    context = fresh("basic.xml");
    hooks.set(context.getLogger("shop.Hooks"));

    context.getLogger("shop").error("the one error");

    assertThat(calls.get()).isEqualTo(1);
    assertThat(transport.events()).hasSize(1);
    assertThat(statuses.messages()).noneSatisfy(m -> assertThat(m).contains("Recursive"));
  }

  @Test
  void linesLoggedOnTheSdksOwnThreadsAreNotCaptured() throws InterruptedException {
    initSdk(transport, o -> {});
    context = fresh("basic.xml");
    Logger log = context.getLogger("com.example.CustomTransport");

    Thread sdkThread = new Thread(() -> log.error("send failed"), "sentryj-transport");
    sdkThread.start();
    sdkThread.join(DEADLINE_MILLIS);

    assertThat(sdkThread.isAlive()).isFalse();
    assertThat(transport.envelopes()).isEmpty();
  }

  @Test
  void anAsyncAppenderWithAFullQueueDoesNotDeadlockWithALoggingBeforeSend()
      throws InterruptedException {
    AtomicReference<LoggerContext> ctx = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    initSdk(
        transport,
        o ->
            o.beforeSend(
                (event, hint) -> {
                  if (calls.incrementAndGet() == 1) {
                    AsyncAppender async = ctx.get().getConfiguration().getAppender("ASYNC");
                    Await.until(
                        "the async queue is full",
                        DEADLINE_MILLIS,
                        () -> async.getQueueRemainingCapacity() == 0);
                    // on the async thread, with its queue full: a blocking put would wait forever
                    ctx.get().getLogger("shop.Hooks").error("logged from beforeSend");
                  }
                  return event;
                }));
    context = fresh("async.xml");
    ctx.set(context);

    Thread app = logErrors(context.getLogger("shop"), 5);
    app.join(DEADLINE_MILLIS);

    assertThat(app.isAlive()).as("the application thread is blocked").isFalse();
    Await.until("five events", DEADLINE_MILLIS, () -> transport.events().size() >= 5);
    assertThat(transport.events())
        .extracting(e -> e.getMessage().getFormatted())
        .containsExactly("error 0", "error 1", "error 2", "error 3", "error 4");
  }

  @Test
  void behindAnAsyncAppenderEventsKeepTheLoggingThreadsNameAndContext()
      throws InterruptedException {
    initSdk(transport, o -> {});
    context = fresh("async.xml");
    Thread app = checkout(context.getLogger("shop"));
    app.join(DEADLINE_MILLIS);
    context.stop(); // the async appender hands over what it queued before it stops
    context = null;

    assertCheckoutEvent(transport.onlyEvent());
  }

  @Test
  void anAsyncRootLoggerDeliversEventsWithTheLoggingThreadsNameAndContext()
      throws InterruptedException {
    initSdk(transport, o -> {});
    context = fresh("async-root.xml");

    Thread app = checkout(context.getLogger("shop"));
    app.join(DEADLINE_MILLIS);

    Await.until("the event", DEADLINE_MILLIS, () -> transport.events().size() == 1);
    assertCheckoutEvent(transport.onlyEvent());
  }

  @Test
  void allAsyncLoggersDeliverEventsAndALoggingBeforeSendDoesNotDeadlock()
      throws InterruptedException {
    AtomicReference<Logger> hooks = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    initSdk(transport, o -> o.beforeSend((event, hint) -> logFrom(hooks, calls, event)));
    context = freshAsync("basic.xml");
    hooks.set(context.getLogger("shop.Hooks"));

    // more than the ring buffer holds, so that the Disruptor's thread meets a full buffer
    Thread app = logErrors(context.getLogger("shop"), 300);
    app.join(DEADLINE_MILLIS);

    assertThat(app.isAlive()).as("the application thread is blocked").isFalse();
    Await.until("300 events", DEADLINE_MILLIS, () -> transport.events().size() >= 300);
    assertThat(calls.get()).isEqualTo(300);
    assertThat(transport.events()).hasSize(300);
  }

  @Test
  void allAsyncLoggersKeepTheLoggingThreadsNameAndContext() throws InterruptedException {
    initSdk(transport, o -> {});
    context = freshAsync("basic.xml");

    Thread app = checkout(context.getLogger("shop"));
    app.join(DEADLINE_MILLIS);

    Await.until("the event", DEADLINE_MILLIS, () -> transport.events().size() == 1);
    assertCheckoutEvent(transport.onlyEvent());
  }

  private static SentryEvent logFrom(
      AtomicReference<Logger> hooks, AtomicInteger calls, SentryEvent event) {
    calls.incrementAndGet();
    hooks.get().error("beforeSend saw {}", event.getEventId());
    return event;
  }

  private static Thread logErrors(Logger log, int count) {
    Thread app =
        new Thread(
            () -> {
              for (int i = 0; i < count; i++) {
                log.error("error {}", i);
              }
            },
            "application");
    app.start();
    return app;
  }

  private static Thread checkout(Logger log) {
    Thread app =
        new Thread(
            () -> {
              ThreadContext.put("orderId", "o-42");
              log.error("order {} failed", 42, new IllegalStateException("declined"));
              ThreadContext.clearMap();
            },
            "checkout-7");
    app.start();
    return app;
  }

  private static void assertCheckoutEvent(SentryEvent event) {
    assertThat(event.getExtra()).containsEntry("thread_name", "checkout-7");
    assertThat(event.getContexts().get("MDC")).containsEntry("orderId", "o-42");
    assertThat(event.getMessage().getMessage()).isEqualTo("order {} failed");
    assertThat(event.getMessage().getParams()).containsExactly("42");
    assertThat(event.getThrowable()).hasMessage("declined");
  }
}
