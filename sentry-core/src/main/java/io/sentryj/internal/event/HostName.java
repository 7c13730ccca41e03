package io.sentryj.internal.event;

import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The local host name, for an event's {@code server_name}, resolved off the caller's thread.
 *
 * <p>Resolving can take seconds (or hang) when DNS is slow, so a daemon thread named {@value
 * #THREAD_NAME}, started on first use, resolves it and then refreshes it every {@code
 * refreshMillis} (a failed attempt is retried sooner, after at most {@value #RETRY_MILLIS} ms,
 * keeping the last good name). Callers only read the cached name: the first ones wait for the first
 * resolution at most {@code maxWaitMillis}; once a wait has run out, nobody waits again, so a
 * hanging resolver costs at most one bounded wait per caller in flight. The thread never keeps the
 * JVM alive. Thread-safe.
 *
 * <pre>{@code
 * String serverName = HostName.system().get(500);
 * }</pre>
 */
public final class HostName {
  /** The name of the resolving thread. */
  public static final String THREAD_NAME = "sentryj-hostname";

  /** How often the system host name is resolved again: every 5 hours, as the official SDK does. */
  public static final long DEFAULT_REFRESH_MILLIS = TimeUnit.HOURS.toMillis(5);

  static final long RETRY_MILLIS = TimeUnit.MINUTES.toMillis(1);

  private final Resolver resolver;
  private final long refreshMillis;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicReference<@Nullable Thread> thread = new AtomicReference<>();
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private volatile @Nullable String name;
  private volatile boolean gaveUpWaiting;

  /** A host name resolved by {@code resolver}, refreshed every {@code refreshMillis}. */
  public HostName(Resolver resolver, long refreshMillis) {
    if (refreshMillis <= 0) {
      throw new IllegalArgumentException("refreshMillis must be > 0, was " + refreshMillis);
    }
    this.resolver = resolver;
    this.refreshMillis = refreshMillis;
  }

  /** The shared instance for the machine's host name ({@link InetAddress#getLocalHost()}). */
  public static HostName system() {
    return SystemHolder.INSTANCE;
  }

  /**
   * The host name, or null when it is not known yet or cannot be resolved. Waits at most {@code
   * maxWaitMillis} for the first resolution, and not at all once the name is known or a wait has
   * run out.
   */
  public @Nullable String get(long maxWaitMillis) {
    start();
    String cached = name;
    if (cached != null) {
      return cached;
    }
    if (!gaveUpWaiting && maxWaitMillis > 0) {
      try {
        if (!firstAttempt.await(maxWaitMillis, TimeUnit.MILLISECONDS)) {
          gaveUpWaiting = true;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return name;
  }

  private void start() {
    if (started.get() || !started.compareAndSet(false, true)) {
      return;
    }
    try {
      Thread resolving = new Thread(this::resolveForever, THREAD_NAME);
      resolving.setDaemon(true);
      resolving.setContextClassLoader(null); // do not pin an application's class loader
      thread.set(resolving);
      resolving.start();
    } catch (Throwable e) { // a security manager or no memory for a thread: no host name
      firstAttempt.countDown();
    }
  }

  /**
   * Stops refreshing, so that an application server can unload the SDK; the cached name stays, and
   * a later {@link #get} starts refreshing again. A resolution in progress is not interrupted if
   * the resolver ignores interrupts ({@link InetAddress} does).
   */
  public void close() {
    Thread resolving = thread.getAndSet(null);
    if (resolving != null) {
      resolving.interrupt();
      started.set(false);
    }
  }

  private void resolveForever() {
    try {
      Thread self = Thread.currentThread();
      while (thread.get() == self && !self.isInterrupted()) {
        boolean resolved = resolveOnce();
        firstAttempt.countDown();
        Thread.sleep(resolved ? refreshMillis : Math.min(refreshMillis, RETRY_MILLIS));
      }
    } catch (InterruptedException e) {
      // stop
    }
  }

  private boolean resolveOnce() {
    try {
      String resolved = resolver.resolve();
      if (resolved != null && !resolved.isEmpty()) {
        name = resolved;
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closed while resolving
    } catch (Throwable e) {
      // keep the last good name; retried soon
    }
    return false;
  }

  @Override
  public String toString() {
    return "HostName{" + name + '}';
  }

  /** Finds the host name; may block. */
  public interface Resolver {
    /** The host name, or null when unknown. */
    @Nullable String resolve() throws Exception;
  }

  private static final class SystemHolder {
    static final HostName INSTANCE =
        new HostName(() -> InetAddress.getLocalHost().getHostName(), DEFAULT_REFRESH_MILLIS);
  }
}
