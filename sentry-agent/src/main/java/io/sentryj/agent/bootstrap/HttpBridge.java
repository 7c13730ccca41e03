package io.sentryj.agent.bootstrap;

import org.jspecify.annotations.Nullable;

/**
 * What advice inlined into HTTP clients calls: {@code HttpURLConnection}, {@code
 * java.net.http.HttpClient}, Apache HttpClient 4 and 5, OkHttp. On the bootstrap class path and
 * with JDK types only, like {@link SentryBridge}; the agent's {@link Hooks} do the work.
 *
 * <p>A per-thread depth counts the calls in progress: only the outermost one of a thread is
 * recorded, so that a client built on another (or a method of one client calling another of its
 * own) yields one breadcrumb. Every {@code before} must be paired with one {@code after}, which the
 * exit advice does even when the call throws. Nothing here ever throws.
 */
public final class HttpBridge {
  private static final ThreadLocal<int[]> DEPTH = new Depth();
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
  public static @Nullable Object urlConnectionBefore(Object connection, boolean connected) {
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
  public static void urlConnectionAfter(
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
  public static @Nullable Object javaHttpBefore(Object request) {
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
  public static Object javaHttpRequest(@Nullable Object state, Object request) {
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
  public static void javaHttpAfter(
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
  public static @Nullable Object apacheBefore(@Nullable Object host, Object request) {
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
  public static void apacheAfter(
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
