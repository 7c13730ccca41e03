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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
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
                .dsn("https://public@localhost:" + io.sentryj.testing.RefusedPort.port() + "/1")
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
  void workHandedOverOutsideAUnitOfWorkIsLeftAsItIs() {
    Runnable task = () -> {};
    Callable<String> callable = () -> "x";
    Thread thread = new Thread(task);
    Object forkJoinTask = new Object();

    assertThat(carrier.carry(task, true)).isSameAs(task);
    assertThat(carrier.carry(callable)).isSameAs(callable);
    carrier.threadCreated(thread, task);
    carrier.forked(forkJoinTask);
    assertThat(carrier.enterThread(thread)).isNull();
    assertThat(carrier.enterTask(forkJoinTask)).isNull();
  }

  @Test
  void aTopLevelTaskHandsOverWhatItThrowsAndRethrowsIt() {
    IllegalStateException boom = new IllegalStateException("boom");
    Runnable task;
    try (ScopeToken ignored = Sentry.pushIsolationScope()) {
      task =
          carrier.carry(
              () -> {
                throw boom;
              },
              true);
    }

    assertThatThrownBy(task::run).isSameAs(boom);
    assertThat(thrown).containsExactly(boom);
  }

  @Test
  void aTaskBelowTheTopOfItsThreadKeepsWhatItThrowsToItself() {
    Runnable task;
    try (ScopeToken ignored = Sentry.pushIsolationScope()) {
      task =
          carrier.carry(
              () -> {
                throw new IllegalStateException("caught by a future");
              },
              false);
    }

    assertThatThrownBy(task::run).hasMessage("caught by a future");
    assertThat(thrown).isEmpty();
  }

  @Test
  void aCarriedTaskIsNotWrappedAgain() {
    try (ScopeToken ignored = Sentry.pushIsolationScope()) {
      Runnable once = carrier.carry(() -> {}, true);
      Callable<Object> callable = carrier.carry(() -> null);

      assertThat(carrier.carry(once, true)).isSameAs(once);
      assertThat(carrier.carry(callable)).isSameAs(callable);
    }
  }

  @Test
  void withoutARunningSdkTasksAreLeftAlone() {
    try (ScopeToken ignored = Sentry.pushIsolationScope()) {
      Sentry.close();
      Runnable task = () -> {};

      assertThat(carrier.carry(task, true)).isSameAs(task);
    }
  }

  @Test
  void aThreadRunsItsTargetInAForkOfItsCreatorsScopesAndHandsOverWhatItThrows() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom in thread");
    Thread thread = carriedThread(() -> Sentry.captureMessage("from the thread"), boom);
    try (ScopeToken ignored = Sentry.pushIsolationScope()) {
      Sentry.addBreadcrumb("request breadcrumb");
      carrier.threadCreated(thread, () -> {});
      Sentry.addBreadcrumb("after the thread was made");
    }
    thread.start();
    thread.join(10_000);

    assertThat(breadcrumbsOf(onlyEvent())).containsExactly("request breadcrumb");
    assertThat(thrown).containsExactly(boom);
  }

  @Test
  void aThreadMadeByAThreadFactoryIsAPoolsAndCarriesNothing() {
    Thread thread = new Thread(() -> {});
    ThreadFactory factory =
        new ThreadFactory() {
          @Override
          public Thread newThread(Runnable r) {
            carrier.threadCreated(thread, r);
            return thread;
          }
        };
    try (ScopeToken ignored = Sentry.pushIsolationScope()) {
      factory.newThread(() -> {});
    }

    assertThat(carrier.enterThread(thread)).isNull();
  }

  @Test
  void aThreadPoolsWorkersCarryNothingWhateverTheirFactoryIsCalled() throws Exception {
    List<Thread> made = new CopyOnWriteArrayList<>();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            1,
            1,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r);
              carrier.threadCreated(t, r);
              made.add(t);
              return t;
            });
    try (ScopeToken ignored = Sentry.pushIsolationScope()) {
      pool.prestartAllCoreThreads();
    } finally {
      pool.shutdown();
    }

    assertThat(made).hasSize(1);
    assertThat(carrier.enterThread(made.get(0))).isNull();
  }

  @Test
  void aForkedTaskRunsInTheForkingThreadsOwnScopes() throws Exception {
    Object task = new Object();
    try (ScopeToken ignored = Sentry.pushIsolationScope()) {
      Sentry.addBreadcrumb("before the fork");
      carrier.forked(task);
      Thread worker =
          new Thread(
              () -> {
                Object entered = carrier.enterTask(task);
                try {
                  Sentry.addBreadcrumb("in the forked task");
                } finally {
                  carrier.exit(entered, new IllegalStateException("kept by the task"));
                }
              });
      worker.start();
      worker.join(10_000);
      Sentry.captureMessage("after the join");
    }

    assertThat(breadcrumbsOf(onlyEvent())).containsExactly("before the fork", "in the forked task");
    assertThat(thrown).as("a fork/join task keeps what it throws").isEmpty();
    assertThat(carrier.enterTask(task)).as("a task runs in them once").isNull();
  }

  /** A thread whose target enters and exits as the run advice does. */
  private Thread carriedThread(Runnable body, RuntimeException thenThrow) {
    return new Thread(
        () -> {
          Object entered = carrier.enterThread(Thread.currentThread());
          assertThat(entered).isNotNull();
          try {
            body.run();
          } finally {
            carrier.exit(entered, thenThrow);
          }
        });
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
