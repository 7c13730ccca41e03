package io.sentryj.internal.event;

import io.sentryj.Breadcrumb;
import io.sentryj.User;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import io.sentryj.protocol.SentryStackTrace;
import io.sentryj.protocol.SentryThread;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * About how many bytes of memory a captured event keeps alive while it waits to be sent: what a
 * queue bounded by bytes counts for it. Computed from what the event holds (every string at two
 * bytes a character, every object's header and references, the throwable snapshot's messages and
 * stack trace elements, breadcrumbs, frozen values), not measured; meant to be in the right order
 * of magnitude, and cheap: one walk, no allocation. For the SDK's own copy of an event ({@link
 * EventSnapshot}), whose values are frozen: it runs no code of the application's.
 */
public final class EventSizes {
  private static final int OBJECT = 16;
  private static final int REFERENCE = 8;
  private static final int ENTRY = 40; // a map entry: header, hash, key, value, next, links
  private static final int EVENT = 400; // the event, its maps and lists, its contexts, its id

  private EventSizes() {}

  /** The estimate for {@code event}. */
  public static long approximateBytes(SentryEvent event) {
    long bytes = EVENT;
    bytes += text(event.getLogger()) + text(event.getTransaction()) + text(event.getServerName());
    bytes += text(event.getRelease()) + text(event.getDist()) + text(event.getEnvironment());
    bytes += strings(event.getTags()) + strings(event.getModules());
    bytes += value(event.getExtra());
    for (Map<String, Object> context : event.getContexts().named().values()) {
      bytes += value(context);
    }
    for (String f : event.getFingerprint()) {
      bytes += REFERENCE + text(f);
    }
    for (Breadcrumb b : event.getBreadcrumbs()) {
      bytes += REFERENCE + 2 * OBJECT + 6 * REFERENCE + text(b.message()) + text(b.category());
      bytes += value(b.data());
    }
    bytes += message(event.getMessage()) + user(event.getUser()) + request(event.getRequest());
    for (SentryThread t : event.getThreads()) {
      bytes += REFERENCE + OBJECT + 6 * REFERENCE + text(t.getName()) + frames(t);
    }
    return bytes + exceptions(event);
  }

  private static long exceptions(SentryEvent event) {
    ExceptionSource source = ExceptionSource.of(event);
    if (source != null) {
      return source.snapshot().approximateBytes();
    }
    if (event.getExceptionSupplier() != null) {
      return 0; // made by another part: nothing known of it before it is made
    }
    List<SentryException> made = event.getExceptions();
    long bytes = 0;
    if (made != null) {
      for (SentryException x : made) {
        bytes += REFERENCE + 3 * OBJECT + 12 * REFERENCE + text(x.getValue()) + text(x.getType());
        bytes += frames(x.getStacktrace());
      }
    }
    return bytes;
  }

  /** A thread's stack: its elements as taken, or the frames when they were made already. */
  private static long frames(SentryThread t) {
    Object source = t.getStacktraceSource();
    if (source instanceof ThreadStack) {
      return OBJECT + ((ThreadStack) source).frameCount() * (long) (REFERENCE + 56);
    }
    return source != null ? 0 : frames(t.getStacktrace());
  }

  private static long frames(@Nullable SentryStackTrace stack) {
    // a frame: the object, its fields and boxed line number; the names are shared strings
    return stack == null ? 0 : OBJECT + (long) stack.getFrames().size() * (REFERENCE + 64);
  }

  private static long message(@Nullable Message m) {
    if (m == null) {
      return 0;
    }
    long bytes = OBJECT + 3 * REFERENCE + text(m.getFormatted()) + text(m.getMessage());
    List<String> params = m.getParams();
    if (params != null) {
      for (String p : params) {
        bytes += REFERENCE + text(p);
      }
    }
    return bytes;
  }

  private static long user(@Nullable User u) {
    if (u == null) {
      return 0;
    }
    long bytes = OBJECT + 5 * REFERENCE + text(u.id()) + text(u.username()) + text(u.email());
    return bytes + text(u.ipAddress()) + strings(u.data());
  }

  private static long request(@Nullable Request r) {
    if (r == null) {
      return 0;
    }
    long bytes = OBJECT + 7 * REFERENCE + text(r.getMethod()) + text(r.getUrl());
    bytes += text(r.getQueryString()) + text(r.getCookies()) + value(r.getData());
    for (Map.Entry<String, String> h : r.getHeaders()) {
      bytes += ENTRY + text(h.getKey()) + text(h.getValue());
    }
    return bytes + strings(r.getEnv());
  }

  private static long strings(Map<String, String> map) {
    long bytes = OBJECT;
    for (Map.Entry<String, String> e : map.entrySet()) {
      bytes += ENTRY + text(e.getKey()) + text(e.getValue());
    }
    return bytes;
  }

  /** A frozen value (a string, a JDK number, a frozen map or list), or null. */
  private static long value(@Nullable Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof String) {
      return text((String) v);
    }
    if (v instanceof Map) {
      long bytes = OBJECT;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        Object key = e.getKey();
        bytes += ENTRY + (key instanceof String ? text((String) key) : 0) + value(e.getValue());
      }
      return bytes;
    }
    if (v instanceof Collection) {
      long bytes = OBJECT;
      for (Object item : (Collection<?>) v) {
        bytes += REFERENCE + value(item);
      }
      return bytes;
    }
    return OBJECT + REFERENCE; // a boxed number or boolean
  }

  private static long text(@Nullable String s) {
    return s == null ? 0 : OBJECT + 24 + 2L * s.length();
  }
}
