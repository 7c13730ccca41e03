package io.sentryj.internal.scope;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Breadcrumb;
import io.sentryj.protocol.SentryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScopeStorageTest {
  private final Scopes root =
      new Scopes(new ScopeImpl(100, null), new ScopeImpl(100, null), new ScopeImpl(100, null));
  private final ScopeStorage storage = new ScopeStorage(root);
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static SentryEvent eventOf(Scopes scopes) {
    SentryEvent event = new SentryEvent();
    scopes.applyTo(event, 100, new ArrayList<>(), new ArrayList<>());
    return event;
  }

  @Test
  void threadsWithoutTheirOwnScopesUseTheRoot() throws Exception {
    AtomicReference<Scopes> seen = new AtomicReference<>();
    Thread t = new Thread(() -> seen.set(storage.current()));
    t.start();
    t.join();
    assertThat(seen.get()).isSameAs(root);
  }

  @Test
  void tokensRestoreThePreviousScopesInOrder() {
    Scopes first = root.forkIsolation();
    Scopes second = first.forkCurrent();
    try (ScopeStorage.Token a = storage.set(first)) {
      assertThat(storage.current()).isSameAs(first);
      try (ScopeStorage.Token b = storage.set(second)) {
        assertThat(storage.current()).isSameAs(second);
      }
      assertThat(storage.current()).isSameAs(first);
    }
    assertThat(storage.current()).isSameAs(root);
  }

  @Test
  void wrappedTaskSeesSubmittersScopesAndKeepsItsOwnChanges() throws Exception {
    Scopes request = root.forkIsolation();
    request.isolation().setTag("request", "r1");
    request.isolation().addBreadcrumb(Breadcrumb.info("before submit"));
    Future<SentryEvent> result;
    try (ScopeStorage.Token ignored = storage.set(request)) {
      Callable<SentryEvent> task =
          () -> {
            storage.current().isolation().addBreadcrumb(Breadcrumb.info("in task"));
            storage.current().isolation().setTag("task", "t");
            return eventOf(storage.current());
          };
      result = pool.submit(ContextCarrier.wrap(storage, task));
    }
    SentryEvent inTask = result.get(10, TimeUnit.SECONDS);
    assertThat(inTask.getTags()).containsEntry("request", "r1").containsEntry("task", "t");
    assertThat(inTask.getBreadcrumbs())
        .extracting(Breadcrumb::message)
        .containsExactly("before submit", "in task");
    // what the task added stays with the task
    assertThat(eventOf(request).getTags()).doesNotContainKey("task");
    assertThat(request.isolation().getBreadcrumbs()).hasSize(1);
  }

  @Test
  void poolThreadGoesBackToRootScopesAfterAWrappedTask() throws Exception {
    Scopes request = root.forkIsolation();
    CountDownLatch ran = new CountDownLatch(1);
    try (ScopeStorage.Token ignored = storage.set(request)) {
      pool.execute(ContextCarrier.wrap(storage, (Runnable) ran::countDown));
    }
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    Future<Scopes> after = pool.submit(storage::current);
    assertThat(after.get(10, TimeUnit.SECONDS)).isSameAs(root);
  }

  @Test
  void wrappedExecutorServiceCarriesScopesThroughEverySubmitForm() throws Exception {
    ExecutorService wrapped = ContextCarrier.wrap(storage, pool);
    Scopes request = root.forkIsolation();
    request.isolation().setTag("request", "r2");
    List<Future<String>> futures = new ArrayList<>();
    try (ScopeStorage.Token ignored = storage.set(request)) {
      Callable<String> readTag = () -> eventOf(storage.current()).getTags().get("request");
      futures.add(wrapped.submit(readTag));
      futures.addAll(wrapped.invokeAll(java.util.Arrays.asList(readTag, readTag)));
      AtomicReference<String> fromRunnable = new AtomicReference<>();
      wrapped
          .submit(() -> fromRunnable.set(eventOf(storage.current()).getTags().get("request")))
          .get(10, TimeUnit.SECONDS);
      assertThat(fromRunnable.get()).isEqualTo("r2");
      assertThat(wrapped.invokeAny(java.util.Collections.singletonList(readTag))).isEqualTo("r2");
    }
    for (Future<String> f : futures) {
      assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("r2");
    }
  }
}
