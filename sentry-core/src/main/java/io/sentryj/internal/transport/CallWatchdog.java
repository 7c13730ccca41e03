package io.sentryj.internal.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The timeouts of {@link OkHttpSender}'s requests, phase by phase: connecting (with TLS), writing
 * the request, waiting for the answer and reading it each get their own configured time; a call
 * that outlives its phase is cancelled, which ends it with an error at once.
 *
 * <p>Why not OkHttp's own timeouts: they run on Okio's shared watchdog thread, which lives on for a
 * minute after the last request, and so after {@code close}. This one is a thread of the sender's
 * own, {@code <name>-watchdog}, that runs only while calls do and ends when the sender closes.
 *
 * <p>It also hears whether a request was written whole, which decides whether Sentry may have
 * accepted it when no answer came ({@link SendResult#requestSent}).
 */
final class CallWatchdog {
  private static final long IDLE_MILLIS = 10_000;

  private final TransportConfig config;
  private final Object lock = new Object();
  private final Map<Call, Phase> watched = new HashMap<>(); // guarded by lock
  private @Nullable Thread thread; // guarded by lock
  private boolean closed; // guarded by lock

  CallWatchdog(TransportConfig config) {
    this.config = config;
  }

  /**
   * Tells each call's {@link Listener}, which the sender tags its request with, of its progress.
   */
  static EventListener.Factory listeners() {
    return call -> {
      Listener l = listenerOf(call);
      return l != null ? l : EventListener.NONE;
    };
  }

  /** A listener for one new call: tag the call's request with it. */
  Listener newListener() {
    return new Listener();
  }

  /** Whether the call's request was written whole. */
  boolean requestSent(Call call) {
    Listener l = listenerOf(call);
    return l != null && l.requestSent;
  }

  /** Whether the watchdog cancelled the call because a phase ran out of time. */
  boolean timedOut(Call call) {
    Listener l = listenerOf(call);
    return l != null && l.timedOut;
  }

  private static @Nullable Listener listenerOf(Call call) {
    return call.request().tag(Listener.class);
  }

  private void phase(Call call, long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (lock) {
      if (closed) {
        call.cancel();
        return;
      }
      watched.put(call, new Phase(deadline));
      if (thread == null) {
        Thread t = new Thread(this::run, config.threadName + "-watchdog");
        t.setDaemon(true);
        thread = t;
        t.start();
      }
      lock.notifyAll();
    }
  }

  private void done(Call call) {
    synchronized (lock) {
      watched.remove(call);
    }
  }

  private void run() {
    while (true) {
      List<Call> expired = new ArrayList<>();
      synchronized (lock) {
        try {
          if (!awaitExpired(expired)) {
            return;
          }
        } catch (InterruptedException e) {
          thread = null;
          return;
        }
      }
      for (Call call : expired) {
        Listener l = listenerOf(call);
        if (l != null) {
          l.timedOut = true;
        }
        call.cancel();
      }
    }
  }

  /** Waits until some calls expire (true) or the watchdog should end (false). Holds the lock. */
  private boolean awaitExpired(List<Call> expired) throws InterruptedException {
    while (!closed) {
      if (watched.isEmpty()) {
        lock.wait(IDLE_MILLIS);
        if (watched.isEmpty()) {
          break; // idle: a new call starts a new thread
        }
        continue;
      }
      long now = System.nanoTime();
      long earliest = Long.MAX_VALUE;
      for (Map.Entry<Call, Phase> e : watched.entrySet()) {
        long left = e.getValue().deadline - now;
        if (left <= 0) {
          expired.add(e.getKey());
        } else {
          earliest = Math.min(earliest, left);
        }
      }
      if (!expired.isEmpty()) {
        for (Call c : expired) {
          watched.remove(c);
        }
        return true;
      }
      TimeUnit.NANOSECONDS.timedWait(lock, earliest);
    }
    thread = null;
    return false;
  }

  /** Stops watching (what is under way is cancelled by the sender) and ends the thread. */
  void close(long timeoutMillis) throws InterruptedException {
    Thread t;
    synchronized (lock) {
      closed = true;
      watched.clear();
      lock.notifyAll();
      t = thread;
    }
    if (t != null) {
      t.join(Math.max(1, timeoutMillis));
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "CallWatchdog{calls=" + watched.size() + '}';
    }
  }

  /** A call's current deadline, in {@link System#nanoTime()}. */
  private static final class Phase {
    final long deadline;

    Phase(long deadline) {
      this.deadline = deadline;
    }
  }

  /** One call's progress: each step starts the next phase's clock. */
  final class Listener extends EventListener {
    volatile boolean requestSent;
    volatile boolean timedOut;

    @Override
    public void callStart(Call call) {
      // name lookup, connect and TLS: OkHttp counts the handshake under the read timeout
      phase(call, config.connectTimeoutMillis + config.readTimeoutMillis);
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
      phase(call, config.writeTimeoutMillis);
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
      requestSent = true;
      phase(call, config.readTimeoutMillis);
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
      phase(call, config.readTimeoutMillis);
    }

    @Override
    public void callEnd(Call call) {
      done(call);
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
      done(call);
    }

    @Override
    public void canceled(Call call) {
      done(call);
    }
  }
}
