package io.sentryj.internal.transport;

import io.sentryj.Breadcrumb;
import io.sentryj.User;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import io.sentryj.protocol.SentryStackFrame;
import io.sentryj.protocol.SentryStackTrace;
import io.sentryj.protocol.SentryThread;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An estimate, from above, of the heap an event keeps alive while it waits in delivery's queue: its
 * strings (two bytes a character, as if none were Latin-1), its throwable chain with the stack
 * traces, breadcrumbs, extras, contexts, tags, request and threads. Delivery bounds its queue by
 * these bytes ({@code max-queue-bytes}), so that a flood of big events cannot fill the heap.
 *
 * <p>Free-form values (extras, contexts, data bags) are walked to a bounded depth and number of
 * nodes, without calling their {@code toString}, {@code hashCode} or {@code equals}; an object of
 * unknown type counts as {@value #OBJECT} bytes. Cheap enough for the caller's thread: one pass, no
 * allocation but a small identity set for the throwable chain.
 */
public final class RetainedSize {
  /** An object's header and a few fields. */
  static final long OBJECT = 48;

  private static final long REFERENCE = 8;
  private static final long FRAME = 96; // the VM's backtrace slot and a StackTraceElement
  private static final int MAX_THROWABLES = 64;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_NODES = 10_000;

  private int nodes;

  private RetainedSize() {}

  /** What {@code event} retains, in bytes. */
  public static long ofEvent(SentryEvent event) {
    return new RetainedSize().event(event);
  }

  private long event(SentryEvent e) {
    long n = 512; // the event, its maps and lists, empty
    n += string(e.getLogger()) + string(e.getTransaction()) + string(e.getServerName());
    n += string(e.getRelease()) + string(e.getDist()) + string(e.getEnvironment());
    n += message(e.getMessage()) + user(e.getUser()) + request(e.getRequest());
    n += value(e.getTags(), 0) + value(e.getExtra(), 0) + value(e.getModules(), 0);
    n += value(e.getFingerprint(), 0) + value(e.getContexts().named(), 0);
    for (Breadcrumb b : e.getBreadcrumbs()) {
      n += OBJECT + string(b.type()) + string(b.category()) + string(b.message());
      n += value(b.data(), 1);
    }
    for (SentryThread t : e.getThreads()) {
      n += OBJECT + string(t.getName()) + string(t.getState()) + stacktrace(t.getStacktrace());
    }
    if (e.hasExceptions() && e.getThrowable() == null) {
      n += exceptions(e.getExceptions()); // built already, or set by the application
    }
    return n + throwable(e.getThrowable());
  }

  private static long message(@Nullable Message m) {
    if (m == null) {
      return 0;
    }
    long n = OBJECT + string(m.getFormatted()) + string(m.getMessage());
    List<String> params = m.getParams();
    if (params != null) {
      for (String p : params) {
        n += REFERENCE + string(p);
      }
    }
    return n;
  }

  private long user(@Nullable User u) {
    return u == null
        ? 0
        : OBJECT + string(u.id()) + string(u.username()) + string(u.email()) + value(u.data(), 1);
  }

  private long request(@Nullable Request r) {
    if (r == null) {
      return 0;
    }
    long n = OBJECT + string(r.getMethod()) + string(r.getUrl()) + string(r.getQueryString());
    n += string(r.getCookies()) + value(r.getData(), 1) + value(r.getEnv(), 1);
    for (Map.Entry<String, String> h : r.getHeaders()) {
      n += OBJECT + string(h.getKey()) + string(h.getValue());
    }
    return n;
  }

  private static long exceptions(@Nullable List<SentryException> exceptions) {
    long n = 0;
    if (exceptions != null) {
      for (SentryException x : exceptions) {
        n += OBJECT * 2 + string(x.getType()) + string(x.getValue()) + string(x.getModule());
        n += stacktrace(x.getStacktrace());
      }
    }
    return n;
  }

  private static long stacktrace(@Nullable SentryStackTrace trace) {
    long n = 0;
    if (trace != null) {
      for (SentryStackFrame f : trace.getFrames()) {
        n += OBJECT * 2 + string(f.getModule()) + string(f.getFunction()) + string(f.getFilename());
      }
    }
    return n;
  }

  /**
   * The throwable, its causes and suppressed exceptions (cycles cut): each one's message and stack
   * trace; class and method names are shared with the classes, so not counted.
   */
  private static long throwable(@Nullable Throwable root) {
    Throwable[] seen = new Throwable[8]; // the throwables met so far, also the ones still to walk
    int count = 0;
    int next = 0;
    long n = 0;
    if (root != null) {
      seen[count++] = root;
    }
    while (next < count && next < MAX_THROWABLES) {
      Throwable t = seen[next++];
      n += OBJECT * 2 + string(t.getMessage()) + FRAME * t.getStackTrace().length;
      Throwable cause = t.getCause();
      if (cause != null && !contains(seen, count, cause)) {
        seen = room(seen, count);
        seen[count++] = cause;
      }
      for (Throwable s : t.getSuppressed()) {
        if (!contains(seen, count, s)) {
          seen = room(seen, count);
          seen[count++] = s;
        }
      }
    }
    return n;
  }

  /** Whether {@code t} is among the first {@code count}, by identity (never its {@code equals}). */
  private static boolean contains(Throwable[] seen, int count, Throwable t) {
    for (int i = 0; i < count; i++) {
      if (seen[i] == t) {
        return true;
      }
    }
    return false;
  }

  private static Throwable[] room(Throwable[] seen, int count) {
    return count < seen.length ? seen : java.util.Arrays.copyOf(seen, seen.length * 2);
  }

  /** A free-form value, walked to a bounded depth and number of nodes. */
  private long value(@Nullable Object v, int depth) {
    if (v == null) {
      return 0;
    }
    if (v instanceof String) {
      return string((String) v);
    }
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
      return OBJECT; // a bag this big is cut down by the writer anyway; the bound stays honest
    }
    if (v instanceof Map) {
      long n = OBJECT;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        n += OBJECT + value(e.getKey(), depth + 1) + value(e.getValue(), depth + 1);
      }
      return n;
    }
    if (v instanceof Collection) {
      long n = OBJECT;
      for (Object o : (Collection<?>) v) {
        n += REFERENCE + value(o, depth + 1);
      }
      return n;
    }
    if (v instanceof Object[]) {
      long n = OBJECT;
      for (Object o : (Object[]) v) {
        n += REFERENCE + value(o, depth + 1);
      }
      return n;
    }
    return v instanceof byte[] ? OBJECT + ((byte[]) v).length : OBJECT;
  }

  /** A string's bytes: its object and array, two bytes a character. */
  static long string(@Nullable String s) {
    return s == null ? 0 : OBJECT + 2L * s.length();
  }
}
