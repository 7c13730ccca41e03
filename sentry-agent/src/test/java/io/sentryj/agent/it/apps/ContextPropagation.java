package io.sentryj.agent.it.apps;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stands for a request handler: it opens a request scope with a breadcrumb and a tag, then hands
 * work to other threads, each of which reports a message. Without SDK code: it reaches the agent's
 * own SDK by reflection, through the class loader of the hooks the agent gave its bridge: the
 * application class loader cannot see the agent's classes.
 */
public final class ContextPropagation {
  private static final String SENTRY = "io.sentryj.agent.shaded.sentryj.Sentry";
  private static final String BRIDGE = "io.sentryj.agent.bootstrap.SentryBridge";

  private ContextPropagation() {}

  public static void main(String[] args) throws Exception {
    // threads that exist before the request, so that only the task carries its scopes
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    pool.prestartAllCoreThreads();
    ScheduledThreadPoolExecutor scheduled = new ScheduledThreadPoolExecutor(1);
    scheduled.prestartAllCoreThreads();
    ForkJoinPool forkJoin = new ForkJoinPool(2);

    Class<?> sentry = Class.forName(SENTRY, true, agentLoader());
    sentry.getMethod("pushIsolationScope").invoke(null);
    sentry.getMethod("addBreadcrumb", String.class).invoke(null, "request breadcrumb");
    sentry.getMethod("setTag", String.class, String.class).invoke(null, "request", "r-42");
    Method capture = sentry.getMethod("captureMessage", String.class);

    pool.execute(report(capture, "execute"));
    pool.submit(report(capture, "submit")).get();
    pool.submit(
            () -> {
              capture.invoke(null, "from submit-callable");
              return null;
            })
        .get();
    scheduled.schedule(report(capture, "scheduled"), 1, TimeUnit.MILLISECONDS).get();
    CompletableFuture.runAsync(report(capture, "completable")).get();
    forkJoin.execute(report(capture, "fork-join"));
    Thread thread = new Thread(report(capture, "thread"));
    thread.start();
    thread.join();
    if (Runtime.version().feature() >= 21) {
      Thread virtual =
          (Thread)
              Thread.class
                  .getMethod("startVirtualThread", Runnable.class)
                  .invoke(null, report(capture, "virtual"));
      virtual.join();
    }
    pool.execute(
        () -> {
          throw new IllegalStateException("boom in request task");
        });
    pool.shutdown();
    scheduled.shutdown();
    forkJoin.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    forkJoin.awaitTermination(30, TimeUnit.SECONDS);
  }

  private static ClassLoader agentLoader() throws ReflectiveOperationException {
    Field hooks = Class.forName(BRIDGE).getDeclaredField("hooks");
    hooks.setAccessible(true);
    return hooks.get(null).getClass().getClassLoader();
  }

  private static Runnable report(Method capture, String kind) {
    return () -> {
      try {
        capture.invoke(null, "from " + kind);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
