package io.sentryj.internal.event;

import io.sentryj.Breadcrumb;
import io.sentryj.User;
import io.sentryj.protocol.Contexts;
import io.sentryj.protocol.Mechanism;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import io.sentryj.protocol.SentryStackTrace;
import io.sentryj.protocol.SentryThread;
import io.sentryj.protocol.SpanContext;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The event as it leaves the application: a copy made on the capturing thread, after the last
 * callback of the application ({@code beforeSend}) has run. Its containers are its own and its
 * free-form values are {@link JsonValues frozen}, so that nothing the application does after
 * capture returns changes what is sent, and nothing the SDK's thread does with it later runs the
 * application's code. Strings, the immutable {@link User} and {@link Breadcrumb}s, the SDK
 * description and stack traces are shared; the throwable snapshot is immutable.
 *
 * <p>Values of the wrong type smuggled in through raw types (a non-string tag) become text here, on
 * the application's thread.
 */
public final class EventSnapshot {
  private EventSnapshot() {}

  /** A copy of {@code event} that nothing outside the SDK holds. */
  public static SentryEvent of(SentryEvent event) {
    SentryEvent copy = new SentryEvent(event.getEventId(), event.getTimestampMillis());
    copy.setLevel(event.getLevel());
    copy.setLogger(event.getLogger());
    copy.setTransaction(event.getTransaction());
    copy.setServerName(event.getServerName());
    copy.setRelease(event.getRelease());
    copy.setDist(event.getDist());
    copy.setEnvironment(event.getEnvironment());
    copy.setSdk(event.getSdk());
    copy.setThrowable(event.getThrowable());
    Message message = event.getMessage();
    copy.setMessage(message == null ? null : message(message));
    User user = event.getUser();
    copy.setUser(user == null ? null : user(user));
    Request request = event.getRequest();
    copy.setRequest(request == null ? null : request(request));
    contexts(event.getContexts(), copy.getContexts());
    strings(event.getTags(), copy.getTags());
    strings(event.getModules(), copy.getModules());
    values(event.getExtra(), copy.getExtra());
    if (!event.getFingerprint().isEmpty()) {
      copy.setFingerprint(strings(event.getFingerprint()));
    }
    if (!event.getBreadcrumbs().isEmpty()) {
      copy.setBreadcrumbs(breadcrumbs(event.getBreadcrumbs()));
    }
    if (!event.getThreads().isEmpty()) {
      copy.setThreads(threads(event.getThreads()));
    }
    exceptions(event, copy);
    return copy;
  }

  private static Message message(Message m) {
    Message copy = new Message();
    copy.setFormatted(m.getFormatted());
    copy.setMessage(m.getMessage());
    List<String> params = m.getParams();
    copy.setParams(params == null ? null : strings(params));
    return copy;
  }

  /** The user itself: immutable, unless a raw type slipped a non-string into its data. */
  private static User user(User user) {
    Map<?, ?> data = user.data();
    for (Map.Entry<?, ?> e : data.entrySet()) {
      if (!(e.getKey() instanceof String) || !(e.getValue() instanceof String)) {
        return rebuilt(user);
      }
    }
    return user;
  }

  private static User rebuilt(User user) {
    Map<String, String> data = new LinkedHashMap<>();
    Map<?, ?> raw = user.data();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      if (e.getValue() != null) {
        data.put(text(e.getKey()), text(e.getValue()));
      }
    }
    return withData(user, data);
  }

  /** {@code user} with other extra data, its other fields as they are. */
  public static User withData(User user, Map<String, String> data) {
    User.Builder copy =
        User.builder()
            .id(user.id())
            .username(user.username())
            .email(user.email())
            .ipAddress(user.ipAddress());
    for (Map.Entry<String, String> e : data.entrySet()) {
      copy.data(e.getKey(), e.getValue());
    }
    return copy.build();
  }

  private static Request request(Request r) {
    Request copy = new Request();
    copy.setMethod(r.getMethod());
    copy.setUrl(r.getUrl());
    copy.setQueryString(r.getQueryString());
    copy.setCookies(r.getCookies());
    copy.setData(JsonValues.freeze(r.getData()));
    List<Map.Entry<String, String>> headers = new ArrayList<>(r.getHeaders().size());
    for (Object o : r.getHeaders()) {
      if (o instanceof Map.Entry) {
        Map.Entry<?, ?> h = (Map.Entry<?, ?>) o;
        if (h.getKey() != null && h.getValue() != null) {
          headers.add(new AbstractMap.SimpleImmutableEntry<>(text(h.getKey()), text(h.getValue())));
        }
      }
    }
    copy.setHeaders(headers);
    strings(r.getEnv(), copy.getEnv());
    return copy;
  }

  private static void contexts(Contexts from, Contexts to) {
    SpanContext trace = from.getTrace();
    if (trace != null) {
      SpanContext t = new SpanContext(trace.getTraceId(), trace.getSpanId());
      t.setParentSpanId(trace.getParentSpanId());
      t.setOp(trace.getOp());
      t.setStatus(trace.getStatus());
      t.setOrigin(trace.getOrigin());
      to.setTrace(t);
    }
    for (Map.Entry<String, Map<String, Object>> c : from.named().entrySet()) {
      Object name = c.getKey();
      Object values = c.getValue();
      if (name != null && values instanceof Map) {
        to.put(text(name), JsonValues.freezeMap((Map<?, ?>) values));
      }
    }
  }

  /** Copies string entries, turning anything else a raw type let in into text. */
  private static void strings(Map<?, ?> from, Map<String, String> to) {
    for (Map.Entry<?, ?> e : from.entrySet()) {
      if (e.getKey() != null && e.getValue() != null) {
        to.put(text(e.getKey()), text(e.getValue()));
      }
    }
  }

  private static List<String> strings(List<?> from) {
    List<String> copy = new ArrayList<>(from.size());
    for (Object o : from) {
      copy.add(text(o));
    }
    return copy;
  }

  private static void values(Map<?, ?> from, Map<String, Object> to) {
    for (Map.Entry<?, ?> e : from.entrySet()) {
      Object value = JsonValues.freeze(e.getValue());
      if (e.getKey() != null && value != null) {
        to.put(text(e.getKey()), value);
      }
    }
  }

  private static String text(@Nullable Object o) {
    return o instanceof String ? (String) o : JsonValues.safeToString(o);
  }

  /** The breadcrumbs, each with its data frozen (most already are: scopes freeze them). */
  private static List<Breadcrumb> breadcrumbs(List<Breadcrumb> from) {
    List<Breadcrumb> copy = null;
    for (int i = 0; i < from.size(); i++) {
      Object o = from.get(i);
      Breadcrumb b = o instanceof Breadcrumb ? frozen((Breadcrumb) o) : null;
      if (copy == null && b != o) {
        copy = new ArrayList<>(from.subList(0, i));
      }
      if (copy != null && b != null) {
        copy.add(b);
      }
    }
    return copy != null ? copy : from;
  }

  /** The breadcrumb itself when its data is frozen, else a copy whose data is. */
  public static Breadcrumb frozen(Breadcrumb b) {
    Map<String, Object> data = b.data();
    if (JsonValues.isFrozenData(data)) {
      return b;
    }
    return withContent(b, b.message(), JsonValues.freezeMap(data));
  }

  /** {@code b} with another message and data, its time, type, category and level as they are. */
  public static Breadcrumb withContent(
      Breadcrumb b, @Nullable String message, Map<String, Object> data) {
    Breadcrumb.Builder copy =
        Breadcrumb.builder()
            .timestampMillis(b.timestampMillis())
            .type(b.type())
            .category(b.category())
            .message(message)
            .level(b.level());
    for (Map.Entry<String, Object> e : data.entrySet()) {
      copy.data(e.getKey(), e.getValue());
    }
    return copy.build();
  }

  private static List<SentryThread> threads(List<SentryThread> from) {
    List<SentryThread> copy = new ArrayList<>(from.size());
    for (Object o : from) {
      if (o instanceof SentryThread) {
        SentryThread t = (SentryThread) o;
        SentryThread c = new SentryThread(t.getId());
        c.setName(t.getName());
        c.setCrashed(t.getCrashed());
        c.setCurrent(t.getCurrent());
        c.setMain(t.getMain());
        c.setState(t.getState());
        Supplier<SentryStackTrace> source = t.getStacktraceSource();
        if (source != null) {
          c.setStacktraceSource(source); // still to be made, on the SDK's thread
        } else {
          c.setStacktrace(t.getStacktrace());
        }
        copy.add(c);
      }
    }
    return copy;
  }

  /** The snapshot's source is immutable and shared; exceptions already made are copied. */
  private static void exceptions(SentryEvent from, SentryEvent to) {
    Supplier<List<SentryException>> source = from.getExceptionSupplier();
    if (source != null) {
      to.setExceptionSupplier(source);
      return;
    }
    List<SentryException> made = from.getExceptions();
    if (made == null) {
      return;
    }
    List<SentryException> copy = new ArrayList<>(made.size());
    for (Object o : made) {
      if (o instanceof SentryException) {
        copy.add(exception((SentryException) o));
      }
    }
    to.setExceptions(copy);
  }

  private static SentryException exception(SentryException x) {
    SentryException copy = new SentryException();
    copy.setType(x.getType());
    copy.setValue(x.getValue());
    copy.setModule(x.getModule());
    copy.setThreadId(x.getThreadId());
    copy.setStacktrace(x.getStacktrace());
    Mechanism m = x.getMechanism();
    if (m != null) {
      Mechanism c = new Mechanism(text(m.getType()));
      c.setHandled(m.getHandled());
      c.setSynthetic(m.getSynthetic());
      c.setDescription(m.getDescription());
      c.setExceptionId(m.getExceptionId());
      c.setParentId(m.getParentId());
      c.setSource(m.getSource());
      c.setExceptionGroup(m.getExceptionGroup());
      Map<String, Object> data = m.getData();
      c.setData(data == null ? null : JsonValues.freezeMap(data));
      copy.setMechanism(c);
    }
    return copy;
  }
}
