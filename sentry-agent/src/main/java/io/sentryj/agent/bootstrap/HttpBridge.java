package io.sentryj.agent.bootstrap;

import org.jspecify.annotations.Nullable;

/**
 * What code woven into HTTP clients calls: {@code HttpURLConnection}, {@code
 * java.net.http.HttpClient}, Apache HttpClient 4 and 5, OkHttp. On the bootstrap class path and
 * with JDK types only, like {@link SentryBridge}; the agent's {@link Hooks} do the work.
 *
 * <p>A per-thread depth counts the calls in progress: only the outermost one of a thread is
 * recorded, so that a client built on another (or a method of one client calling another of its
 * own) yields one breadcrumb. Every {@code enter} is paired with one exit, which the woven code
 * makes even when the call throws. Nothing here ever throws.
 */
public final class HttpBridge {
  private static final ThreadLocal<int[]> DEPTH = new Depth();
  private static final ThreadLocal<ThreadStack> ENTERED = ThreadStack.perThread();
  private static volatile @Nullable Hooks hooks;

  private HttpBridge() {}

  /** Installs the agent's hooks; later calls replace them. */
  public static void install(@Nullable Hooks newHooks) {
    hooks = newHooks;
  }

  /**
   * Entering {@code connect}, {@code getOutputStream} or {@code getInputStream} of a {@code
   * java.net.HttpURLConnection}: the exchange's state, or null when it is not recorded.
   */
  private static @Nullable Object urlConnectionBefore(Object connection, boolean connected) {
    Hooks h = enter();
    if (h == null) {
      return null;
    }
    try {
      return h.urlConnectionBefore(connection, connected);
    } catch (Throwable t) {
      return null;
    }
  }

  /**
   * Leaving one of those methods; {@code read} for {@code getInputStream}, after which the response
   * is known.
   */
  private static void urlConnectionAfter(
      @Nullable Object state, @Nullable Throwable thrown, boolean read) {
    try {
      Hooks h = hooks;
      if (state != null && h != null) {
        h.urlConnectionAfter(state, thrown, read);
      }
    } catch (Throwable ignored) {
      // the application's call goes on
    } finally {
      leave();
    }
  }

  /** Entering {@code HttpClient.send} or {@code sendAsync}: the exchange's state, or null. */
  private static @Nullable Object javaHttpBefore(Object request) {
    Hooks h = enter();
    if (h == null) {
      return null;
    }
    try {
      return h.javaHttpBefore(request);
    } catch (Throwable t) {
      return null;
    }
  }

  /** The request to send in place of {@code request}: a copy with trace headers, or itself. */
  private static Object javaHttpRequest(@Nullable Object state, Object request) {
    Hooks h = hooks;
    if (state == null || h == null) {
      return request;
    }
    try {
      return h.javaHttpRequest(state, request);
    } catch (Throwable t) {
      return request;
    }
  }

  /**
   * Leaving {@code send} (the response or what was thrown) or {@code sendAsync} (its future, as
   * {@code response}, with {@code async}).
   */
  private static void javaHttpAfter(
      @Nullable Object state,
      @Nullable Object response,
      @Nullable Throwable thrown,
      boolean async) {
    try {
      Hooks h = hooks;
      if (state != null && h != null) {
        h.javaHttpAfter(state, response, thrown, async);
      }
    } catch (Throwable ignored) {
      // the application's call goes on
    } finally {
      leave();
    }
  }

  /**
   * Entering Apache HttpClient's {@code doExecute(host, request, context)}: adds trace headers to
   * the request and returns the exchange's state, or null.
   */
  private static @Nullable Object apacheBefore(@Nullable Object host, Object request) {
    Hooks h = enter();
    if (h == null) {
      return null;
    }
    try {
      return h.apacheBefore(host, request);
    } catch (Throwable t) {
      return null;
    }
  }

  /** Leaving {@code doExecute}, with the response or what was thrown. */
  private static void apacheAfter(
      @Nullable Object state, @Nullable Object response, @Nullable Throwable thrown) {
    try {
      Hooks h = hooks;
      if (state != null && h != null) {
        h.apacheAfter(state, response, thrown);
      }
    } catch (Throwable ignored) {
      // the application's call goes on
    } finally {
      leave();
    }
  }

  /**
   * Entering {@code connect}, {@code getOutputStream} or {@code getInputStream} of a {@code
   * java.net.HttpURLConnection}, whose {@code connected} field is given: begins the exchange's
   * record until the matching exit.
   */
  public static void urlConnectionEnter(Object connection, boolean connected) {
    ENTERED.get().push(urlConnectionBefore(connection, connected));
  }

  /** Leaving {@code connect} or {@code getOutputStream}. */
  public static void urlConnectionExit(@Nullable Throwable thrown) {
    urlConnectionAfter(ENTERED.get().pop(), thrown, false);
  }

  /** Leaving {@code getInputStream}, after which the response is known. */
  public static void urlConnectionReadExit(@Nullable Throwable thrown) {
    urlConnectionAfter(ENTERED.get().pop(), thrown, true);
  }

  /**
   * Entering {@code HttpClient.send} or {@code sendAsync}: begins the exchange's record and returns
   * the request to send in its place (a copy with trace headers, or the request itself).
   */
  public static Object javaHttpEnter(Object request) {
    Object state = javaHttpBefore(request);
    ENTERED.get().push(state);
    return javaHttpRequest(state, request);
  }

  /** Leaving {@code send}, with its response or what it threw. */
  public static void javaHttpExit(@Nullable Object response, @Nullable Throwable thrown) {
    javaHttpAfter(ENTERED.get().pop(), response, thrown, false);
  }

  /** Leaving {@code sendAsync}, with its future or what it threw. */
  public static void javaHttpAsyncExit(@Nullable Object future, @Nullable Throwable thrown) {
    javaHttpAfter(ENTERED.get().pop(), future, thrown, true);
  }

  /**
   * Entering Apache HttpClient's {@code doExecute(host, request, context)}: adds trace headers to
   * the request and begins the exchange's record.
   */
  public static void apacheEnter(@Nullable Object host, Object request) {
    ENTERED.get().push(apacheBefore(host, request));
  }

  /** Leaving {@code doExecute}, with the response or what was thrown. */
  public static void apacheExit(@Nullable Object response, @Nullable Throwable thrown) {
    apacheAfter(ENTERED.get().pop(), response, thrown);
  }

  /** A new {@code okhttp3.OkHttpClient.Builder}: the agent adds its interceptor to it. */
  public static void okHttpBuilder(Object builder) {
    Hooks h = hooks;
    if (h == null) {
      return;
    }
    int[] depth = DEPTH.get();
    if (depth[0] > 0) {
      return;
    }
    depth[0]++;
    try {
      h.okHttpBuilder(builder);
    } catch (Throwable ignored) {
      // the client works without it
    } finally {
      depth[0]--;
    }
  }

  /**
   * Runs an exchange of an HTTP client that the agent's own code calls (OkHttp's interceptor):
   * whether it is the outermost of this thread, in which case {@link #leave} must follow.
   */
  public static boolean enterOutermost() {
    int[] depth = DEPTH.get();
    depth[0]++;
    if (depth[0] == 1) {
      return true;
    }
    depth[0]--;
    return false;
  }

  /** The hooks when this is the thread's outermost call; the depth grows either way. */
  private static @Nullable Hooks enter() {
    int[] depth = DEPTH.get();
    depth[0]++;
    return depth[0] == 1 ? hooks : null;
  }

  /** Ends what {@link #enterOutermost} or a {@code before} began. */
  public static void leave() {
    int[] depth = DEPTH.get();
    if (depth[0] > 0) {
      depth[0]--;
    }
  }

  @Override
  public String toString() {
    return "HttpBridge{hooks=" + hooks + '}';
  }

  /** What the agent does behind the bridge; arguments are the clients' own objects. */
  public interface Hooks {
    @Nullable Object urlConnectionBefore(Object connection, boolean connected);

    void urlConnectionAfter(Object state, @Nullable Throwable thrown, boolean read);

    @Nullable Object javaHttpBefore(Object request);

    Object javaHttpRequest(Object state, Object request);

    void javaHttpAfter(
        Object state, @Nullable Object response, @Nullable Throwable thrown, boolean async);

    @Nullable Object apacheBefore(@Nullable Object host, Object request);

    void apacheAfter(Object state, @Nullable Object response, @Nullable Throwable thrown);

    void okHttpBuilder(Object builder);
  }

  /** A named class rather than a lambda, so the bridge needs no bootstrap method of its own. */
  private static final class Depth extends ThreadLocal<int[]> {
    @Override
    protected int[] initialValue() {
      return new int[1];
    }
  }
}
