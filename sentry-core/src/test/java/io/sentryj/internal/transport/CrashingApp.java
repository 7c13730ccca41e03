package io.sentryj.internal.transport;

import io.sentryj.Sentry;
import io.sentryj.SentryId;

/**
 * A small application run in a forked JVM by {@link ForkedJvmDeliveryTest}:
 *
 * <ul>
 *   <li>{@code burst <dsn> <outbox> <n>}: captures n events as fast as it can right after {@code
 *       Sentry.init}, then prints {@code CAPTURED <i> <event id> <millis>} for each (the time its
 *       capture returned), then {@code BURST <millis>}, and waits to be killed;
 *   <li>{@code uncaught <dsn> <outbox>}: lets an exception end {@code main}, and halts the JVM as
 *       soon as the SDK's handler passes it on;
 *   <li>{@code return <dsn> <outbox>}: captures, flushes and returns from {@code main} without
 *       closing the SDK;
 *   <li>{@code deliver <dsn> <outbox>}: starts, sends what the outbox holds, and exits.
 * </ul>
 */
public final class CrashingApp {
  private CrashingApp() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String dsn = args[1];
    String outbox = args[2];
    boolean uncaught = mode.equals("uncaught") || mode.equals("return");
    if (uncaught) {
      // the process dies the moment our handler passes the exception on: no flush, no hook
      Thread.setDefaultUncaughtExceptionHandler((t, e) -> Runtime.getRuntime().halt(3));
    }
    Sentry.init(
        o ->
            o.dsn(dsn)
                .outboxDir(outbox)
                .externalConfiguration(false)
                .flushTimeoutMillis(uncaught ? 0 : 5000)
                .enableShutdownHook(!uncaught)
                .shutdownTimeoutMillis(1000)
                .serverName("crash-test") // no host-name lookup
                .release("crash-test@1.0"));
    switch (mode) {
      case "burst":
        burst(Integer.parseInt(args[3]));
        break;
      case "uncaught":
        System.out.println("THROWING");
        throw new IllegalStateException("the end of main");
      case "return":
        // no close, no shutdown hook: only daemon threads of the SDK remain
        Sentry.captureMessage("before main returns");
        System.out.println(Sentry.flush(10_000) ? "RETURNING" : "NOT FLUSHED");
        break;
      case "deliver":
        boolean done = Sentry.flush(30_000);
        Sentry.close();
        System.out.println(done ? "DELIVERED" : "NOT DELIVERED");
        break;
      default:
        throw new IllegalArgumentException(mode);
    }
  }

  private static void burst(int n) throws InterruptedException {
    SentryId[] ids = new SentryId[n];
    long[] returned = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = Sentry.captureException(new IllegalStateException("event " + i));
      returned[i] = System.currentTimeMillis();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append("CAPTURED ").append(i).append(' ').append(ids[i]).append(' ');
      out.append(returned[i]).append('\n');
    }
    out.append("BURST ").append(returned[n - 1]).append('\n');
    System.out.print(out);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE); // until killed
  }
}
