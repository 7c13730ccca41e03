package io.sentryj.internal.scope;

import io.sentryj.Attachment;
import io.sentryj.BeforeBreadcrumbCallback;
import io.sentryj.Breadcrumb;
import io.sentryj.EventProcessor;
import io.sentryj.Hint;
import io.sentryj.Scope;
import io.sentryj.SentryId;
import io.sentryj.SentryLevel;
import io.sentryj.User;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.event.EventSnapshot;
import io.sentryj.internal.event.JsonValues;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SentryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A scope's data behind one private lock. Critical sections copy references only; callbacks ({@code
 * beforeBreadcrumb}) run outside the lock, so a slow callback never blocks other threads and never
 * pins a virtual thread.
 */
public final class ScopeImpl implements Scope {
  private final Object lock = new Object();
  private final int maxBreadcrumbs;
  private final @Nullable BeforeBreadcrumbCallback beforeBreadcrumb;

  // Empty collections are shared immutable ones until the first write: most scopes are forks
  // (one per request or task) that never hold tags, extras, contexts or attachments of their own.
  private Map<String, String> tags;
  private Map<String, Object> extras;
  private Map<String, Map<String, ?>> contexts;
  private final BreadcrumbRing breadcrumbs;
  private List<Attachment> attachments;
  private List<EventProcessor> eventProcessors;
  private @Nullable User user;
  private @Nullable SentryLevel level;
  private List<String> fingerprint;
  private @Nullable String transaction;
  private @Nullable Request request;
  // builds the request when an event first needs it; set instead of request, never with it
  private @Nullable Supplier<Request> requestSource;
  private @Nullable PropagationContext propagationContext;
  private volatile SentryId lastEventId = SentryId.EMPTY;

  /** An empty scope whose ring holds {@code maxBreadcrumbs}. */
  public ScopeImpl(int maxBreadcrumbs, @Nullable BeforeBreadcrumbCallback beforeBreadcrumb) {
    this.maxBreadcrumbs = maxBreadcrumbs;
    this.beforeBreadcrumb = beforeBreadcrumb;
    this.tags = Collections.emptyMap();
    this.extras = Collections.emptyMap();
    this.contexts = Collections.emptyMap();
    this.breadcrumbs = new BreadcrumbRing(maxBreadcrumbs);
    this.attachments = Collections.emptyList();
    this.eventProcessors = Collections.emptyList();
    this.fingerprint = Collections.emptyList();
  }

  private ScopeImpl(ScopeImpl other, int keptBreadcrumbs) {
    this.maxBreadcrumbs = other.maxBreadcrumbs;
    this.beforeBreadcrumb = other.beforeBreadcrumb;
    synchronized (other.lock) {
      this.tags = copy(other.tags);
      this.extras = copy(other.extras);
      this.contexts = copy(other.contexts);
      this.breadcrumbs = other.breadcrumbs.copyNewest(keptBreadcrumbs);
      this.attachments = copy(other.attachments);
      this.eventProcessors = copy(other.eventProcessors);
      this.user = other.user;
      this.level = other.level;
      this.fingerprint = other.fingerprint;
      this.transaction = other.transaction;
      this.request = other.request;
      this.requestSource = other.requestSource;
      this.propagationContext = other.propagationContext;
    }
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    return map.isEmpty() ? Collections.<String, V>emptyMap() : new LinkedHashMap<>(map);
  }

  private static <T> List<T> copy(List<T> list) {
    return list.isEmpty() ? Collections.<T>emptyList() : new ArrayList<>(list);
  }

  /** A copy of this scope; later changes to either do not affect the other. */
  public ScopeImpl fork() {
    return new ScopeImpl(this, Integer.MAX_VALUE);
  }

  /**
   * A copy of this scope with only its newest {@code keptBreadcrumbs} breadcrumbs: the start of a
   * new unit of work, which is to be explained by its own breadcrumbs.
   */
  public ScopeImpl fork(int keptBreadcrumbs) {
    return new ScopeImpl(this, keptBreadcrumbs);
  }

  @Override
  public void setTag(@Nullable String key, @Nullable String value) {
    if (key == null) {
      return;
    }
    synchronized (lock) {
      if (value == null) {
        tags.remove(key);
      } else {
        if (tags.isEmpty()) {
          tags = new LinkedHashMap<>();
        }
        tags.put(key, value);
      }
    }
  }

  @Override
  public void removeTag(@Nullable String key) {
    setTag(key, null);
  }

  /**
   * Sets an extra value, copied now into an immutable JSON-like value ({@link JsonValues}), so that
   * what the application changes afterwards is not sent and the SDK's thread never runs the
   * application's code to write it.
   */
  @Override
  public void setExtra(@Nullable String key, @Nullable Object value) {
    if (key == null) {
      return;
    }
    Object frozen = JsonValues.freeze(value);
    synchronized (lock) {
      if (frozen == null) {
        extras.remove(key);
      } else {
        if (extras.isEmpty()) {
          extras = new LinkedHashMap<>();
        }
        extras.put(key, frozen);
      }
    }
  }

  @Override
  public void removeExtra(@Nullable String key) {
    setExtra(key, null);
  }

  /** Sets a named context, copied now like an extra value. */
  @Override
  public void setContext(@Nullable String name, @Nullable Map<String, ?> values) {
    if (name == null) {
      return;
    }
    Map<String, ?> copy = values == null ? null : JsonValues.freezeMap(values);
    synchronized (lock) {
      if (copy == null) {
        contexts.remove(name);
      } else {
        if (contexts.isEmpty()) {
          contexts = new LinkedHashMap<>();
        }
        contexts.put(name, copy);
      }
    }
  }

  @Override
  public void removeContext(@Nullable String name) {
    setContext(name, null);
  }

  @Override
  public void setUser(@Nullable User user) {
    synchronized (lock) {
      this.user = user;
    }
  }

  @Override
  public @Nullable User getUser() {
    synchronized (lock) {
      return user;
    }
  }

  @Override
  public void setLevel(@Nullable SentryLevel level) {
    synchronized (lock) {
      this.level = level;
    }
  }

  @Override
  public void setFingerprint(@Nullable List<String> fingerprint) {
    List<String> copy =
        fingerprint == null || fingerprint.isEmpty()
            ? Collections.<String>emptyList()
            : Collections.unmodifiableList(new ArrayList<>(fingerprint));
    synchronized (lock) {
      this.fingerprint = copy;
    }
  }

  @Override
  public void setTransaction(@Nullable String transaction) {
    synchronized (lock) {
      this.transaction = transaction;
    }
  }

  @Override
  public @Nullable String getTransaction() {
    synchronized (lock) {
      return transaction;
    }
  }

  @Override
  public void setRequest(@Nullable Request request) {
    synchronized (lock) {
      this.request = request;
      this.requestSource = null;
    }
  }

  /**
   * Sets the request as a source that builds it when an event (or {@link #getRequest}) first needs
   * it, so that work nobody reads is never done. The source must return the same request every
   * time, be safe to call from any thread, and take no scope's lock.
   */
  public void setRequestSource(Supplier<Request> source) {
    synchronized (lock) {
      this.request = null;
      this.requestSource = source;
    }
  }

  /** The request, or null. */
  public @Nullable Request getRequest() {
    synchronized (lock) {
      return request();
    }
  }

  private @Nullable Request request() {
    Supplier<Request> source = requestSource;
    return source != null ? source.get() : request;
  }

  @Override
  public void addBreadcrumb(@Nullable Breadcrumb breadcrumb) {
    addBreadcrumb(breadcrumb, null);
  }

  /**
   * Adds a breadcrumb after passing it through {@code beforeBreadcrumb} with the hint; its data is
   * frozen now, as it was when it happened. Null is ignored.
   */
  public void addBreadcrumb(@Nullable Breadcrumb breadcrumb, @Nullable Hint hint) {
    if (breadcrumb == null) {
      return;
    }
    Breadcrumb kept = breadcrumb;
    BeforeBreadcrumbCallback callback = beforeBreadcrumb;
    if (callback != null) {
      try {
        kept = callback.execute(breadcrumb, hint != null ? hint : new Hint());
      } catch (Throwable t) {
        Diagnostics.error("beforeBreadcrumb threw; the breadcrumb is kept unchanged", t);
        kept = breadcrumb;
      }
      if (kept == null) {
        return;
      }
    }
    Breadcrumb frozen = EventSnapshot.frozen(kept);
    synchronized (lock) {
      breadcrumbs.add(frozen);
    }
  }

  @Override
  public void clearBreadcrumbs() {
    synchronized (lock) {
      breadcrumbs.clear();
    }
  }

  /** The breadcrumbs, oldest first, as a new list. */
  public List<Breadcrumb> getBreadcrumbs() {
    List<Breadcrumb> out = new ArrayList<>();
    synchronized (lock) {
      breadcrumbs.copyTo(out);
    }
    return out;
  }

  @Override
  public void addAttachment(Attachment attachment) {
    synchronized (lock) {
      if (attachments.isEmpty()) {
        attachments = new ArrayList<>();
      }
      attachments.add(attachment);
    }
  }

  @Override
  public void clearAttachments() {
    synchronized (lock) {
      attachments = Collections.emptyList();
    }
  }

  @Override
  public void addEventProcessor(EventProcessor processor) {
    synchronized (lock) {
      if (eventProcessors.isEmpty()) {
        eventProcessors = new ArrayList<>(4);
      }
      eventProcessors.add(processor);
    }
  }

  /** The propagation context, or null when this scope has none of its own. */
  public @Nullable PropagationContext getPropagationContext() {
    synchronized (lock) {
      return propagationContext;
    }
  }

  /** Sets the trace this scope belongs to. */
  public void setPropagationContext(@Nullable PropagationContext propagationContext) {
    synchronized (lock) {
      this.propagationContext = propagationContext;
    }
  }

  /** The id of the last event captured with this scope as isolation scope. */
  public SentryId getLastEventId() {
    return lastEventId;
  }

  /** Records the id of an event captured with this scope as isolation scope. */
  public void setLastEventId(SentryId id) {
    this.lastEventId = id;
  }

  @Override
  public void clear() {
    synchronized (lock) {
      tags = Collections.emptyMap();
      extras = Collections.emptyMap();
      contexts = Collections.emptyMap();
      breadcrumbs.clear();
      attachments = Collections.emptyList();
      eventProcessors = Collections.emptyList();
      user = null;
      level = null;
      fingerprint = Collections.emptyList();
      transaction = null;
      request = null;
      requestSource = null;
    }
  }

  /**
   * Adds what the event does not have yet from this scope: tags, extras and contexts by key; user,
   * request, transaction and fingerprint when absent. Called for the current scope first, then the
   * isolation and global scopes, so the most specific value wins and the event's own always does.
   */
  void fillEvent(SentryEvent event) {
    synchronized (lock) {
      if (!tags.isEmpty()) {
        Map<String, String> target = event.getTags();
        for (Map.Entry<String, String> e : tags.entrySet()) {
          target.putIfAbsent(e.getKey(), e.getValue());
        }
      }
      if (!extras.isEmpty()) {
        Map<String, Object> target = event.getExtra();
        for (Map.Entry<String, Object> e : extras.entrySet()) {
          target.putIfAbsent(e.getKey(), e.getValue());
        }
      }
      if (!contexts.isEmpty()) {
        for (Map.Entry<String, Map<String, ?>> e : contexts.entrySet()) {
          if (event.getContexts().get(e.getKey()) == null) {
            event.getContexts().put(e.getKey(), e.getValue());
          }
        }
      }
      if (event.getUser() == null && user != null) {
        event.setUser(user);
      }
      if (event.getRequest() == null) {
        Request scoped = request();
        if (scoped != null) {
          event.setRequest(scoped);
        }
      }
      if (event.getTransaction() == null && transaction != null) {
        event.setTransaction(transaction);
      }
      if (event.getFingerprint().isEmpty() && !fingerprint.isEmpty()) {
        event.getFingerprint().addAll(fingerprint);
      }
    }
  }

  /** The level that overrides events' own, or null. */
  @Nullable SentryLevel level() {
    synchronized (lock) {
      return level;
    }
  }

  /** How many breadcrumbs this scope holds now. */
  int breadcrumbCount() {
    synchronized (lock) {
      return breadcrumbs.size();
    }
  }

  /** Appends this scope's breadcrumbs, oldest first; returns how many. */
  int copyBreadcrumbs(List<Breadcrumb> out) {
    synchronized (lock) {
      breadcrumbs.copyTo(out);
      return breadcrumbs.size();
    }
  }

  /** Appends this scope's event processors. */
  void copyEventProcessors(List<EventProcessor> out) {
    synchronized (lock) {
      out.addAll(eventProcessors);
    }
  }

  /** Appends this scope's attachments. */
  void copyAttachments(List<Attachment> out) {
    synchronized (lock) {
      out.addAll(attachments);
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "Scope{tags=" + tags.keySet() + ", breadcrumbs=" + breadcrumbs.size() + '}';
    }
  }
}
