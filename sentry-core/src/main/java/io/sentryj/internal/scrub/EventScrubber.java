package io.sentryj.internal.scrub;

import io.sentryj.Breadcrumb;
import io.sentryj.SentryOptions;
import io.sentryj.User;
import io.sentryj.internal.event.EventSnapshot;
import io.sentryj.internal.event.ExceptionSource;
import io.sentryj.internal.event.FrozenList;
import io.sentryj.internal.event.FrozenMap;
import io.sentryj.protocol.Contexts;
import io.sentryj.protocol.Mechanism;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import io.sentryj.protocol.SentryThread;
import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The privacy rules, applied once to the whole event as it leaves the application: the last stage
 * of the pipeline, after {@code beforeSend}, on a copy the application no longer holds (see {@code
 * EventSnapshot}), before anything is serialized or written to the outbox.
 *
 * <ul>
 *   <li>Values under sensitive keys ({@link SensitiveKeys}: password, secret, token, api key, auth,
 *       credential, cookie, session, card number, cvv, ssn, iban, signature, bearer, jwt, ..., plus
 *       {@code scrub-fields}) become {@code [Filtered]}, at any depth: tags, extras, contexts,
 *       breadcrumb data, the user's extra data, mechanism data, request headers, query parameters,
 *       bodies and env. Keys named in {@code safe-fields} are left as they are.
 *   <li>Secrets inside text ({@link TextScrubber}: card numbers, bearer tokens, JWTs, PEM private
 *       keys, credentials in URLs, {@code key=value} pairs) are cut out of every string value,
 *       exception values, the message and log entry, breadcrumb messages, the request's URL, thread
 *       names and the transaction.
 *   <li>Without {@code send-default-pii}: no cookies, no {@code Cookie} or {@code Set-Cookie}
 *       header, no client address ({@code REMOTE_ADDR} and the like) and no forwarding header
 *       ({@code X-Forwarded-For}, {@code Forwarded}, ...), and no request body, whoever set them.
 * </ul>
 *
 * The user's id, name, e-mail and address are what the application set, and are sent as set. Runs
 * on the capturing thread; values are frozen by then, so no code of the application's runs here.
 * Breadcrumbs and shared context maps found clean are remembered (weakly, by identity), so the
 * breadcrumbs every event of a scope repeats are scrubbed once. Thread-safe.
 */
public final class EventScrubber {
  private static final int CLEAN_CACHE = 2048;

  private final SensitiveKeys keys;
  private final TextScrubber text;
  private final RequestScrubber request;
  private final IdentityCache cleanBreadcrumbs = new IdentityCache(CLEAN_CACHE);
  private final IdentityCache cleanMaps = new IdentityCache(256);

  /** A scrubber with these key rules; {@code sendDefaultPii} keeps cookies, addresses, bodies. */
  public EventScrubber(SensitiveKeys keys, boolean sendDefaultPii) {
    this.keys = keys;
    this.text = new TextScrubber(keys);
    this.request = new RequestScrubber(this, keys, sendDefaultPii);
  }

  /** The scrubber for these options: {@code scrub-fields}, {@code safe-fields}, PII. */
  public static EventScrubber forOptions(SentryOptions options) {
    return new EventScrubber(
        new SensitiveKeys(options.scrubFields(), options.safeFields()), options.sendDefaultPii());
  }

  /** Applies the rules to {@code event} in place; it must be the SDK's own copy. */
  public void scrub(SentryEvent event) {
    stringMap(event.getTags());
    valueMap(event.getExtra());
    contexts(event.getContexts());
    List<Breadcrumb> crumbs = event.getBreadcrumbs();
    List<Breadcrumb> scrubbedCrumbs = breadcrumbs(crumbs);
    if (scrubbedCrumbs != crumbs) {
      event.setBreadcrumbs(scrubbedCrumbs);
    }
    User user = event.getUser();
    if (user != null) {
      event.setUser(user(user));
    }
    Request r = event.getRequest();
    if (r != null) {
      request.scrub(r);
    }
    exceptions(event);
    Message m = event.getMessage();
    if (m != null) {
      message(m);
    }
    for (SentryThread t : event.getThreads()) {
      t.setName(text(t.getName()));
    }
    event.setTransaction(text(event.getTransaction()));
  }

  /** Text with the secrets in it replaced; null stays null. */
  @Nullable String text(@Nullable String s) {
    return s == null ? null : text.scrub(s);
  }

  String textNonNull(String s) {
    return text.scrub(s);
  }

  /** The value to send under {@code key}: filtered, scrubbed, or as it is for a safe key. */
  @Nullable Object value(@Nullable String key, @Nullable Object value) {
    if (value == null || keys.isSafe(key)) {
      return value;
    }
    return keys.isSensitive(key) ? Scrubber.FILTERED : value(value);
  }

  /** A frozen value with the secrets in it replaced; the same instance when nothing was. */
  Object value(Object v) {
    if (v instanceof String) {
      return text.scrub((String) v);
    }
    if (mayBeCardNumber(v)) {
      String digits = v instanceof BigDecimal ? ((BigDecimal) v).toPlainString() : v.toString();
      return text.scrub(digits) != digits ? Scrubber.FILTERED : v;
    }
    if (v instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) v;
      return map(map);
    }
    if (v instanceof FrozenList) {
      return list((FrozenList) v);
    }
    return v;
  }

  /** A whole number of 13 digits or more: a card number written as a number. */
  private static boolean mayBeCardNumber(Object v) {
    if (v instanceof Long) {
      return (Long) v >= 1_000_000_000_000L;
    }
    if (v.getClass() == BigDecimal.class) {
      BigDecimal d = (BigDecimal) v;
      return d.scale() <= 0 && d.precision() - d.scale() >= 13;
    }
    return v.getClass() == BigInteger.class && ((BigInteger) v).bitLength() >= 40;
  }

  /** A map of frozen values, scrubbed; the same map when nothing changed. */
  Map<String, Object> map(Map<String, Object> m) {
    if (m.isEmpty() || cleanMaps.contains(m)) {
      return m;
    }
    LinkedHashMap<String, Object> copy = null;
    int i = 0;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      Object r = value(e.getKey(), v);
      if (r != v && copy == null) {
        copy = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, Object> before : m.entrySet()) {
          if (k++ == i) {
            break;
          }
          copy.put(before.getKey(), before.getValue());
        }
      }
      if (copy != null && r != null) {
        copy.put(e.getKey(), r);
      }
      i++;
    }
    if (copy == null) {
      if (m instanceof FrozenMap) {
        cleanMaps.add(m);
      }
      return m;
    }
    return FrozenMap.ofFrozen(copy);
  }

  private FrozenList list(FrozenList l) {
    Object[] copy = null;
    for (int i = 0; i < l.size(); i++) {
      Object v = l.get(i);
      Object r = v == null ? null : value(v);
      if (r != v && copy == null) {
        copy = l.toArray();
      }
      if (copy != null) {
        copy[i] = r;
      }
    }
    return copy == null ? l : FrozenList.ofFrozen(copy);
  }

  /** Scrubs a map of the event's own in place (tags, env). */
  void stringMap(Map<String, String> m) {
    for (Map.Entry<String, String> e : m.entrySet()) {
      Object r = value(e.getKey(), e.getValue());
      if (r != e.getValue() && r instanceof String) {
        e.setValue((String) r);
      }
    }
  }

  private void valueMap(Map<String, Object> m) {
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object r = value(e.getKey(), e.getValue());
      if (r != e.getValue() && r != null) {
        e.setValue(r);
      }
    }
  }

  private void contexts(Contexts contexts) {
    for (Map.Entry<String, Map<String, Object>> c : contexts.named().entrySet()) {
      Map<String, Object> scrubbed = map(c.getValue());
      if (scrubbed != c.getValue()) {
        contexts.put(c.getKey(), scrubbed);
      }
    }
  }

  private List<Breadcrumb> breadcrumbs(List<Breadcrumb> crumbs) {
    List<Breadcrumb> copy = null;
    for (int i = 0; i < crumbs.size(); i++) {
      Breadcrumb b = crumbs.get(i);
      Breadcrumb r = breadcrumb(b);
      if (r != b && copy == null) {
        copy = new ArrayList<>(crumbs);
      }
      if (copy != null) {
        copy.set(i, r);
      }
    }
    return copy != null ? copy : crumbs;
  }

  private Breadcrumb breadcrumb(Breadcrumb b) {
    if (cleanBreadcrumbs.contains(b)) {
      return b;
    }
    String message = text(b.message());
    Map<String, Object> data = map(b.data());
    if (message == b.message() && data == b.data()) {
      cleanBreadcrumbs.add(b);
      return b;
    }
    return EventSnapshot.withContent(b, message, data);
  }

  private User user(User user) {
    Map<String, String> data = user.data();
    boolean changed = false;
    for (Map.Entry<String, String> e : data.entrySet()) {
      changed |= value(e.getKey(), e.getValue()) != e.getValue();
    }
    if (!changed) {
      return user;
    }
    Map<String, String> scrubbed = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : data.entrySet()) {
      scrubbed.put(e.getKey(), String.valueOf(value(e.getKey(), e.getValue())));
    }
    return EventSnapshot.withData(user, scrubbed);
  }

  private void exceptions(SentryEvent event) {
    ExceptionSource source = ExceptionSource.of(event);
    if (source != null) {
      event.setExceptionSupplier(source.withSnapshot(source.snapshot().withMessages(text::scrub)));
      return;
    }
    Supplier<List<SentryException>> other = event.getExceptionSupplier();
    if (other != null) {
      // not the SDK's own snapshot: made on the SDK's thread, scrubbed there as it is made
      event.setExceptionSupplier(() -> scrubbed(other.get()));
      return;
    }
    List<SentryException> made = event.getExceptions();
    if (made != null) {
      scrubbed(made);
    }
  }

  private List<SentryException> scrubbed(List<SentryException> exceptions) {
    for (SentryException x : exceptions) {
      x.setValue(text(x.getValue()));
      Mechanism m = x.getMechanism();
      Map<String, Object> data = m == null ? null : m.getData();
      if (m != null && data != null) {
        m.setData(map(data));
      }
    }
    return exceptions;
  }

  private void message(Message m) {
    m.setFormatted(text(m.getFormatted()));
    m.setMessage(text(m.getMessage()));
    List<String> params = m.getParams();
    if (params != null) {
      List<String> scrubbed = new ArrayList<>(params.size());
      for (String p : params) {
        scrubbed.add(textNonNull(p));
      }
      m.setParams(scrubbed);
    }
  }

  @Override
  public String toString() {
    return "EventScrubber{" + keys + ", " + request + '}';
  }

  /**
   * Objects known to need no scrubbing, by identity, weakly: an open-addressed table probed from
   * the object's identity hash, so that the hundred breadcrumbs of a full ring each find their own
   * slot. A full neighbourhood loses its oldest entry, which only costs a scrub.
   */
  private static final class IdentityCache {
    private static final int PROBES = 8;

    private final @Nullable WeakReference<?>[] slots;
    private final int mask;

    IdentityCache(int size) {
      this.slots = new WeakReference<?>[size];
      this.mask = size - 1;
    }

    boolean contains(Object o) {
      int start = System.identityHashCode(o);
      for (int p = 0; p < PROBES; p++) {
        WeakReference<?> ref = slots[(start + p) & mask];
        if (ref == null) {
          return false;
        }
        if (ref.get() == o) {
          return true;
        }
      }
      return false;
    }

    void add(Object o) {
      int start = System.identityHashCode(o);
      int slot = start & mask;
      for (int p = 0; p < PROBES; p++) {
        int i = (start + p) & mask;
        WeakReference<?> ref = slots[i];
        if (ref == null || ref.get() == null) {
          slot = i;
          break;
        }
      }
      slots[slot] = new WeakReference<>(o); // racy, but a reference is published whole
    }
  }
}
