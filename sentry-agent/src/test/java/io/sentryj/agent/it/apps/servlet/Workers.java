package io.sentryj.agent.it.apps.servlet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the javax and jakarta applications share, with no servlet type: work a request hands to
 * other threads, and the application's lifetime (it runs until its standard input closes).
 */
final class Workers {
  // started before any request, so that only the task carries a request's scopes
  private static final ExecutorService POOL = Executors.newFixedThreadPool(1);

  static {
    POOL.execute(() -> {});
  }

  private Workers() {}

  /** A task on the pool that fails with an exception nobody catches. */
  static void failOnPool(String id) {
    POOL.execute(
        () -> {
          throw new IllegalStateException("boom in pool task " + id);
        });
  }

  /** A virtual thread (JDK 21 and later) that fails; false on older JDKs. */
  static boolean failOnVirtualThread(String id) throws ReflectiveOperationException {
    if (Runtime.version().feature() < 21) {
      return false;
    }
    Runnable failing =
        () -> {
          throw new IllegalStateException("boom in virtual thread " + id);
        };
    Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null, failing);
    return true;
  }

  /** Prints the port for the test, then blocks until the test closes standard input. */
  static void serveUntilStdinCloses(int port) throws IOException {
    System.out.println("port=" + port);
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // nothing to read: end of input is the signal
    }
    POOL.shutdown();
  }
}
