package io.sentryj.servlet.war;

import io.sentryj.testing.Await;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What an undeployed web application may leave behind, looked for as a container's checks do. */
final class Leaks {
  /** Name prefixes of the threads of sentryj and of the libraries it brings (OkHttp, Okio). */
  private static final String[] LIBRARY_THREADS = {"sentryj-", "OkHttp", "Okio"};

  private Leaks() {}

  /**
   * The threads of the applications still alive once they had {@code within} to end; each named
   * with its context class loader.
   */
  static List<String> threadsLeft(List<WeakReference<ClassLoader>> applications, Duration within) {
    try {
      Await.until("threads to end", within.toMillis(), () -> threadsOf(applications).isEmpty());
    } catch (AssertionError timedOut) {
      // the caller's assertion names the threads
    }
    return threadsOf(applications);
  }

  /**
   * Live threads that belong to an application: started by sentryj or its libraries, or holding one
   * of the applications' class loaders as their context class loader (as Tomcat looks).
   */
  static List<String> threadsOf(List<WeakReference<ClassLoader>> applications) {
    List<String> found = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && (isLibraryThread(t) || holdsAny(t, applications))) {
        found.add(t.getName() + " (context loader " + t.getContextClassLoader() + ")");
      }
    }
    return found;
  }

  private static boolean isLibraryThread(Thread t) {
    for (String prefix : LIBRARY_THREADS) {
      if (t.getName().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsAny(Thread t, List<WeakReference<ClassLoader>> applications) {
    ClassLoader context = t.getContextClassLoader();
    for (WeakReference<ClassLoader> application : applications) {
      if (context != null && context == application.get()) {
        return true;
      }
    }
    return false;
  }

  /** Which of the class loaders are still reachable once the collector ran, within the time. */
  static List<Integer> uncollected(List<WeakReference<ClassLoader>> loaders, Duration within) {
    collectUntil(within, () -> alive(loaders).isEmpty());
    return alive(loaders);
  }

  /**
   * Runs full collections, with some allocation pressure, until the condition holds; an
   * AssertionError when time is up first.
   */
  static void collectUntil(Duration within, BooleanSupplier done) {
    Await.until(
        "the collector to free what " + done + " waits for",
        within.toMillis(),
        () -> {
          if (done.getAsBoolean()) {
            return true;
          }
          System.gc();
          byte[][] pressure = new byte[64][];
          for (int k = 0; k < pressure.length; k++) {
            pressure[k] = new byte[64 * 1024];
          }
          return done.getAsBoolean();
        });
  }

  private static List<Integer> alive(List<WeakReference<ClassLoader>> loaders) {
    List<Integer> alive = new ArrayList<>();
    for (int i = 0; i < loaders.size(); i++) {
      if (loaders.get(i).get() != null) {
        alive.add(i);
      }
    }
    return alive;
  }

  /** Warnings and errors logged through java.util.logging under a name, while it is open. */
  static final class Warnings extends Handler implements AutoCloseable {
    private final Logger logger; // held: the log manager keeps loggers only weakly
    private final List<String> lines = new ArrayList<>();

    Warnings(String loggerName) {
      logger = Logger.getLogger(loggerName);
      setLevel(Level.WARNING);
      logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      if (isLoggable(record)) {
        Throwable thrown = record.getThrown();
        lines.add(
            record.getLevel()
                + " "
                + record.getLoggerName()
                + ": "
                + (record.getParameters() == null
                    ? record.getMessage()
                    : java.text.MessageFormat.format(record.getMessage(), record.getParameters()))
                + (thrown == null ? "" : " " + thrown));
      }
    }

    /** What was logged by loggers under {@code prefix}. */
    synchronized List<String> from(String prefix) {
      List<String> matching = new ArrayList<>();
      for (String line : lines) {
        if (line.substring(line.indexOf(' ') + 1).startsWith(prefix)) {
          matching.add(line);
        }
      }
      return matching;
    }

    synchronized void clear() {
      lines.clear();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }
}
