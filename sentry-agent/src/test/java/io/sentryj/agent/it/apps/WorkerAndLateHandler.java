package io.sentryj.agent.it.apps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A worker thread dies of an exception; then the application installs its own default handler, and
 * a pool worker dies of another.
 */
public final class WorkerAndLateHandler {
  private WorkerAndLateHandler() {}

  public static void main(String[] args) throws Exception {
    Thread worker =
        new Thread(
            () -> {
              throw new IllegalStateException("boom in worker");
            },
            "plain-worker");
    worker.start();
    worker.join();

    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) ->
            System.out.println("app handler saw " + e.getMessage() + " on " + thread.getName()));
    ExecutorService pool = Executors.newFixedThreadPool(1, r -> new Thread(r, "pool-worker"));
    pool.execute(
        () -> {
          throw new IllegalStateException("boom in pool");
        });
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);
  }
}
