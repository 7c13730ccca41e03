package io.sentryj.agent.instrumentation.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentryj.Breadcrumb;
import io.sentryj.Envelope;
import io.sentryj.ScopeToken;
import io.sentryj.Sentry;
import io.sentryj.Transport;
import io.sentryj.protocol.SentryEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskCarrierTest {
  private final List<Envelope> sent = new CopyOnWriteArrayList<>();
  private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
  private final TaskCarrier carrier = new TaskCarrier(thrown::add);

  @BeforeEach
  void startSdk() {
    Sentry.init(
        options ->
            options
                .dsn("https://public@localhost:9/1")
                .externalConfiguration(false)
                .enableUncaughtExceptionHandler(false)
                .enableShutdownHook(false)
                .transportFactory(o -> new ListTransport(sent)));
  }

  @AfterEach
  void stopSdk() {
    Sentry.close();
  }

  @Test
  void aCarriedTaskRunsWithTheSubmittersScopesOnAnotherThread() throws Exception {
    Runnable task;
    try (ScopeToken ignored = Sentry.pushIsolationScope()) {
      Sentry.addBreadcrumb("request breadcrumb");
      task = carrier.carry(() -> Sentry.captureMessage("from the task"), false);
    }
    CompletableFuture.runAsync(task, r -> new Thread(r).start()).get(10, TimeUnit.SECONDS);

    assertThat(breadcrumbsOf(onlyEvent())).containsExactly("request breadcrumb");
  }

  @Test
  void anUncarriedTaskDoesNotSeeTheSubmittersScopes() throws Exception {
    Runnable task;
    try (ScopeToken ignored = Sentry.pushIsolationScope()) {
      Sentry.addBreadcrumb("request breadcrumb");
      task = () -> Sentry.captureMessage("from the task");
    }
    CompletableFuture.runAsync(task, r -> new Thread(r).start()).get(10, TimeUnit.SECONDS);

    assertThat(breadcrumbsOf(onlyEvent())).isEmpty();
  }

  @Test
  void aTopLevelTaskHandsOverWhatItThrowsAndRethrowsIt() {
    IllegalStateException boom = new IllegalStateException("boom");
    Runnable task =
        carrier.carry(
            () -> {
              throw boom;
            },
            true);

    assertThatThrownBy(task::run).isSameAs(boom);
    assertThat(thrown).containsExactly(boom);
  }

  @Test
  void aTaskBelowTheTopOfItsThreadKeepsWhatItThrowsToItself() {
    Runnable task =
        carrier.carry(
            () -> {
              throw new IllegalStateException("caught by a future");
            },
            false);

    assertThatThrownBy(task::run).hasMessage("caught by a future");
    assertThat(thrown).isEmpty();
  }

  @Test
  void aCarriedTaskIsNotWrappedAgain() {
    Runnable once = carrier.carry(() -> {}, true);

    assertThat(carrier.carry(once, true)).isSameAs(once);
  }

  @Test
  void withoutARunningSdkTasksAreLeftAlone() {
    Sentry.close();
    Runnable task = () -> {};

    assertThat(carrier.carry(task, true)).isSameAs(task);
  }

  private SentryEvent onlyEvent() {
    assertThat(Sentry.flush(5000)).isTrue();
    List<SentryEvent> events =
        sent.stream()
            .flatMap(e -> e.items().stream())
            .map(i -> i.event())
            .filter(e -> e != null)
            .collect(Collectors.toList());
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static List<String> breadcrumbsOf(SentryEvent event) {
    return event.getBreadcrumbs().stream().map(Breadcrumb::message).collect(Collectors.toList());
  }

  private static final class ListTransport implements Transport {
    private final List<Envelope> sent;

    ListTransport(List<Envelope> sent) {
      this.sent = sent;
    }

    @Override
    public void send(Envelope envelope) {
      sent.add(envelope);
    }

    @Override
    public boolean flush(long timeoutMillis) {
      return true;
    }

    @Override
    public void close(long timeoutMillis) {}
  }
}
