package io.sentryj;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.testing.Envelopes;
import io.sentryj.testing.EventSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentryTest {
  private final RecordingTransport transport = new RecordingTransport();

  @AfterEach
  void closeSdk() {
    Sentry.close();
  }

  private void init(Consumer<SentryOptions.Builder> more) {
    Sentry.init(
        options -> {
          options
              .dsn("https://public@o11.ingest.sentry.io/42")
              .externalConfiguration(false)
              .enableShutdownHook(false)
              .transportFactory(o -> transport);
          more.accept(options);
        });
  }

  /**
   * The event of the only envelope sent, as the server would read it, checked against the schema.
   */
  private JsonObject onlyEventJson() throws IOException {
    assertThat(transport.envelopes()).hasSize(1);
    byte[] bytes =
        new EnvelopeWriter().toByteArray(transport.envelopes().get(0), "2026-11-24T00:00:00.000Z");
    byte[] payload = Envelopes.parse(bytes).only("event").payload();
    EventSchema.assertValid(payload);
    return Envelopes.eventJson(bytes);
  }

  @Test
  void beforeInitEverythingIsANoOp() {
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(Sentry.captureException(new RuntimeException("x"))).isEqualTo(SentryId.EMPTY);
    assertThat(Sentry.captureMessage("x")).isEqualTo(SentryId.EMPTY);
    Sentry.addBreadcrumb("x");
    Sentry.setTag("a", "b");
    AtomicReference<Scope> seen = new AtomicReference<>();
    Sentry.withScope(seen::set);
    assertThat(seen.get()).isNotNull();
    assertThat(Sentry.flush(10)).isTrue();
    Runnable task = () -> {};
    assertThat(Sentry.wrapRunnable(task)).isSameAs(task);
  }

  @Test
  void blankDsnWithoutTransportDisablesTheSdk() {
    Sentry.init(o -> o.dsn("").externalConfiguration(false));
    assertThat(Sentry.isEnabled()).isFalse();
  }

  @Test
  void capturedExceptionArrivesAsAValidEventInProtocolOrder() throws IOException {
    init(
        o ->
            o.release("shop@1.2.3")
                .environment("staging")
                .addInAppInclude("io.sentryj.SentryTest"));
    Sentry.addBreadcrumb("before");
    Sentry.setTag("region", "eu");
    Sentry.setUser(User.builder().id("7").build());
    SentryId id =
        Sentry.captureException(
            new RuntimeException("wrapper", new IllegalStateException("root cause")));

    assertThat(id).isNotEqualTo(SentryId.EMPTY);
    assertThat(Sentry.lastEventId()).isEqualTo(id);
    JsonObject event = onlyEventJson();
    assertThat(event.get("event_id").getAsString()).isEqualTo(id.toString());
    assertThat(event.get("platform").getAsString()).isEqualTo("java");
    assertThat(event.get("level").getAsString()).isEqualTo("error");
    assertThat(event.get("release").getAsString()).isEqualTo("shop@1.2.3");
    assertThat(event.get("environment").getAsString()).isEqualTo("staging");
    assertThat(event.getAsJsonObject("tags").get("region").getAsString()).isEqualTo("eu");
    assertThat(event.getAsJsonObject("user").get("id").getAsString()).isEqualTo("7");
    assertThat(event.getAsJsonObject("sdk").get("name").getAsString()).isEqualTo("sentryj.java");
    JsonObject contexts = event.getAsJsonObject("contexts");
    assertThat(contexts.getAsJsonObject("trace").get("trace_id").getAsString())
        .matches("[0-9a-f]{32}");
    assertThat(contexts.has("os")).isTrue();
    assertThat(contexts.has("runtime")).isTrue();
    JsonArray breadcrumbs = event.getAsJsonObject("breadcrumbs").getAsJsonArray("values");
    assertThat(breadcrumbs.get(0).getAsJsonObject().get("message").getAsString())
        .isEqualTo("before");

    JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
    assertThat(values).hasSize(2);
    JsonObject root = values.get(0).getAsJsonObject();
    JsonObject thrown = values.get(1).getAsJsonObject();
    assertThat(root.get("type").getAsString()).isEqualTo("IllegalStateException");
    assertThat(root.get("module").getAsString()).isEqualTo("java.lang");
    assertThat(thrown.get("value").getAsString()).isEqualTo("wrapper");
    JsonObject mechanism = thrown.getAsJsonObject("mechanism");
    assertThat(mechanism.get("type").getAsString()).isEqualTo("generic");
    assertThat(mechanism.get("handled").getAsBoolean()).isTrue();
    assertThat(mechanism.get("exception_id").getAsInt()).isZero();
    assertThat(root.getAsJsonObject("mechanism").get("parent_id").getAsInt()).isZero();
    JsonArray frames = thrown.getAsJsonObject("stacktrace").getAsJsonArray("frames");
    JsonObject last = frames.get(frames.size() - 1).getAsJsonObject();
    assertThat(last.get("function").getAsString())
        .isEqualTo("capturedExceptionArrivesAsAValidEventInProtocolOrder");
    assertThat(last.get("in_app").getAsBoolean()).isTrue();

    JsonObject header =
        Envelopes.parse(new EnvelopeWriter().toByteArray(transport.envelopes().get(0), null))
            .header();
    assertThat(header.get("event_id").getAsString()).isEqualTo(id.toString());
    assertThat(header.getAsJsonObject("trace").get("public_key").getAsString()).isEqualTo("public");
  }

  @Test
  void messageAtLevelArrivesWithLogentry() throws IOException {
    init(o -> {});
    Sentry.captureMessage("disk almost full", SentryLevel.WARNING);
    JsonObject event = onlyEventJson();
    assertThat(event.get("level").getAsString()).isEqualTo("warning");
    assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString())
        .isEqualTo("disk almost full");
  }

  @Test
  void attachStacktraceGivesMessagesTheCallersStack() throws IOException {
    init(o -> o.attachStacktrace(true));
    Sentry.captureMessage("where am I");
    JsonObject event = onlyEventJson();
    JsonArray threads = event.getAsJsonObject("threads").getAsJsonArray("values");
    JsonArray frames =
        threads.get(0).getAsJsonObject().getAsJsonObject("stacktrace").getAsJsonArray("frames");
    assertThat(frames.get(frames.size() - 1).getAsJsonObject().get("function").getAsString())
        .isEqualTo("attachStacktraceGivesMessagesTheCallersStack");
  }

  @Test
  void withScopeAppliesOnlyInside() {
    init(o -> {});
    Sentry.withScope(
        scope -> {
          scope.setTag("inside", "yes");
          Sentry.captureMessage("in");
        });
    Sentry.captureMessage("out");
    assertThat(transport.events().get(0).getTags()).containsEntry("inside", "yes");
    assertThat(transport.events().get(1).getTags()).doesNotContainKey("inside");
  }

  @Test
  void pushedIsolationScopeKeepsAUnitOfWorksDataApart() {
    init(o -> {});
    Sentry.setTag("app", "shop");
    try (ScopeToken token = Sentry.pushIsolationScope()) {
      Sentry.setTag("job", "42");
      Sentry.addBreadcrumb("job started");
      Sentry.captureMessage("in job");
    }
    Sentry.captureMessage("after job");
    assertThat(transport.events().get(0).getTags())
        .containsEntry("app", "shop")
        .containsEntry("job", "42");
    assertThat(transport.events().get(1).getTags()).doesNotContainKey("job");
    assertThat(transport.events().get(1).getBreadcrumbs()).isEmpty();
  }

  @Test
  void secondInitReplacesTheFirstAndClosesIt() {
    RecordingTransport first = new RecordingTransport();
    Sentry.init(
        o -> o.externalConfiguration(false).enableShutdownHook(false).transportFactory(x -> first));
    init(o -> {});
    assertThat(first.isClosed()).isTrue();
    Sentry.captureMessage("to the second");
    assertThat(first.envelopes()).isEmpty();
    assertThat(transport.envelopes()).hasSize(1);
  }

  @Test
  void uncaughtHandlerReportsFatalUnhandledAndChainsThePreviousOne() {
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    List<Throwable> seenByApp = new ArrayList<>();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> seenByApp.add(e));
    try {
      init(o -> {});
      IllegalStateException crash = new IllegalStateException("crash");
      Thread.getDefaultUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), crash);
      assertThat(seenByApp).containsExactly(crash);
      assertThat(transport.onlyEvent().getLevel()).isEqualTo(SentryLevel.FATAL);
      assertThat(transport.onlyEvent().getExceptions().get(0).getMechanism().getHandled())
          .isFalse();
      assertThat(transport.onlyEvent().getExceptions().get(0).getMechanism().getType())
          .isEqualTo("UncaughtExceptionHandler");
      Sentry.close();
      assertThat(Thread.getDefaultUncaughtExceptionHandler())
          .isNotInstanceOf(
              io.sentryj.internal.integration.UncaughtExceptionHandlerIntegration.class);
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
  }

  @Test
  void aRealUncaughtExceptionOnAThreadIsCaptured() throws InterruptedException {
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> {});
    try {
      init(o -> {});
      Thread worker =
          new Thread(
              () -> {
                throw new IllegalArgumentException("worker died");
              },
              "worker-1");
      worker.start();
      worker.join(10_000);
      assertThat(transport.onlyEvent().getThrowable()).hasMessage("worker died");
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
  }

  @Test
  void wrappedExecutorCarriesTheRequestsScopes() throws Exception {
    init(o -> {});
    ExecutorService pool = Sentry.wrapExecutorService(Executors.newFixedThreadPool(2));
    try (ScopeToken token = Sentry.pushIsolationScope()) {
      Sentry.setTag("request", "r-1");
      Sentry.addBreadcrumb("handling r-1");
      Future<?> f =
          pool.submit(() -> Sentry.captureException(new IllegalStateException("in task")));
      f.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
    }
    assertThat(transport.onlyEvent().getTags()).containsEntry("request", "r-1");
    assertThat(transport.onlyEvent().getBreadcrumbs())
        .extracting(Breadcrumb::message)
        .containsExactly("handling r-1");
  }

  @Test
  void thousandThreadsCapturingAtOnceAllGetThrough() throws Exception {
    init(o -> {});
    int n = 1000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> escaped = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  Sentry.addBreadcrumb("b" + k);
                  Sentry.captureException(new IllegalStateException("failure " + k));
                } catch (Throwable e) {
                  escaped.add(e);
                }
              });
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join(30_000);
    }
    assertThat(escaped).isEmpty();
    assertThat(transport.events()).hasSize(n);
    EnvelopeWriter writer = new EnvelopeWriter();
    for (int i = 0; i < n; i += 97) {
      byte[] bytes = writer.toByteArray(transport.envelopes().get(i), null);
      EventSchema.assertValid(Envelopes.parse(bytes).only("event").payload());
    }
  }
}
