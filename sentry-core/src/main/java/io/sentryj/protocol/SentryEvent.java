package io.sentryj.protocol;

import io.sentryj.Breadcrumb;
import io.sentryj.SentryId;
import io.sentryj.SentryLevel;
import io.sentryj.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An error event (protocol section 3): what {@code beforeSend} and event processors see and may
 * change. Collections are never null; empty ones are not written.
 *
 * <p>The exception chain of a captured throwable is turned into {@link SentryException}s only when
 * someone asks for it with {@link #getExceptions()}: usually the serializer on the SDK's worker
 * thread, so that capture stays cheap on the application's thread.
 */
public final class SentryEvent {
  private SentryId eventId;
  private long timestampMillis;
  private @Nullable SentryLevel level;
  private @Nullable String logger;
  private @Nullable String transaction;
  private @Nullable String serverName;
  private @Nullable String release;
  private @Nullable String dist;
  private @Nullable String environment;
  private @Nullable Message message;
  private @Nullable User user;
  private @Nullable Request request;
  private @Nullable SdkVersion sdk;
  private final Contexts contexts = new Contexts();
  private Map<String, String> tags = new LinkedHashMap<>();
  private Map<String, Object> extra = new LinkedHashMap<>();
  private List<String> fingerprint = new ArrayList<>();
  private List<Breadcrumb> breadcrumbs = new ArrayList<>();
  private List<SentryThread> threads = new ArrayList<>();
  private Map<String, String> modules = new LinkedHashMap<>();
  private @Nullable List<SentryException> exceptions;
  private @Nullable Supplier<List<SentryException>> exceptionSupplier;
  private @Nullable Throwable throwable;

  /** A new event with a random id, timestamped now. */
  public SentryEvent() {
    this(SentryId.random(), System.currentTimeMillis());
  }

  /** A new event with the given id and time (milliseconds since the epoch). */
  public SentryEvent(SentryId eventId, long timestampMillis) {
    this.eventId = eventId;
    this.timestampMillis = timestampMillis;
  }

  public SentryId getEventId() {
    return eventId;
  }

  /** Sets the id; null keeps the current one. */
  public void setEventId(@Nullable SentryId eventId) {
    if (eventId != null) {
      this.eventId = eventId;
    }
  }

  public long getTimestampMillis() {
    return timestampMillis;
  }

  public void setTimestampMillis(long timestampMillis) {
    this.timestampMillis = timestampMillis;
  }

  public @Nullable SentryLevel getLevel() {
    return level;
  }

  public void setLevel(@Nullable SentryLevel level) {
    this.level = level;
  }

  public @Nullable String getLogger() {
    return logger;
  }

  public void setLogger(@Nullable String logger) {
    this.logger = logger;
  }

  public @Nullable String getTransaction() {
    return transaction;
  }

  public void setTransaction(@Nullable String transaction) {
    this.transaction = transaction;
  }

  public @Nullable String getServerName() {
    return serverName;
  }

  public void setServerName(@Nullable String serverName) {
    this.serverName = serverName;
  }

  public @Nullable String getRelease() {
    return release;
  }

  public void setRelease(@Nullable String release) {
    this.release = release;
  }

  public @Nullable String getDist() {
    return dist;
  }

  public void setDist(@Nullable String dist) {
    this.dist = dist;
  }

  public @Nullable String getEnvironment() {
    return environment;
  }

  public void setEnvironment(@Nullable String environment) {
    this.environment = environment;
  }

  /** The {@code logentry}: the message template, parameters and formatted text. */
  public @Nullable Message getMessage() {
    return message;
  }

  public void setMessage(@Nullable Message message) {
    this.message = message;
  }

  public @Nullable User getUser() {
    return user;
  }

  public void setUser(@Nullable User user) {
    this.user = user;
  }

  public @Nullable Request getRequest() {
    return request;
  }

  public void setRequest(@Nullable Request request) {
    this.request = request;
  }

  public @Nullable SdkVersion getSdk() {
    return sdk;
  }

  public void setSdk(@Nullable SdkVersion sdk) {
    this.sdk = sdk;
  }

  public Contexts getContexts() {
    return contexts;
  }

  public Map<String, String> getTags() {
    return tags;
  }

  /** Replaces them with a copy of {@code tags}; null empties them. */
  public void setTags(@Nullable Map<String, String> tags) {
    this.tags = tags == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tags);
  }

  /** Sets one tag; a null value removes it, a null key is ignored. */
  public void setTag(@Nullable String key, @Nullable String value) {
    if (key == null) {
      return;
    }
    if (value == null) {
      tags.remove(key);
    } else {
      tags.put(key, value);
    }
  }

  public Map<String, Object> getExtra() {
    return extra;
  }

  /** Replaces them with a copy of {@code extra}; null empties them. */
  public void setExtra(@Nullable Map<String, Object> extra) {
    this.extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
  }

  public List<String> getFingerprint() {
    return fingerprint;
  }

  /** Replaces them with a copy of {@code fingerprint}; null empties them. */
  public void setFingerprint(@Nullable List<String> fingerprint) {
    this.fingerprint = fingerprint == null ? new ArrayList<>() : new ArrayList<>(fingerprint);
  }

  /** The breadcrumbs, oldest first. */
  public List<Breadcrumb> getBreadcrumbs() {
    return breadcrumbs;
  }

  /** Replaces them with a copy of {@code breadcrumbs}; null empties them. */
  public void setBreadcrumbs(@Nullable List<Breadcrumb> breadcrumbs) {
    this.breadcrumbs = breadcrumbs == null ? new ArrayList<>() : new ArrayList<>(breadcrumbs);
  }

  public List<SentryThread> getThreads() {
    return threads;
  }

  /** Replaces them with a copy of {@code threads}; null empties them. */
  public void setThreads(@Nullable List<SentryThread> threads) {
    this.threads = threads == null ? new ArrayList<>() : new ArrayList<>(threads);
  }

  public Map<String, String> getModules() {
    return modules;
  }

  /** Replaces them with a copy of {@code modules}; null empties them. */
  public void setModules(@Nullable Map<String, String> modules) {
    this.modules = modules == null ? new LinkedHashMap<>() : new LinkedHashMap<>(modules);
  }

  /**
   * The exception chain, root cause first and the thrown exception last (protocol rule 1), or null
   * when the event has none. Built from the captured throwable on first call.
   */
  public @Nullable List<SentryException> getExceptions() {
    List<SentryException> result = exceptions;
    Supplier<List<SentryException>> supplier = exceptionSupplier;
    if (result == null && supplier != null) {
      exceptionSupplier = null;
      result = supplier.get();
      exceptions = result;
    }
    return result;
  }

  public void setExceptions(@Nullable List<SentryException> exceptions) {
    this.exceptions = exceptions == null ? null : new ArrayList<>(exceptions);
    this.exceptionSupplier = null;
  }

  /**
   * Sets how the exception chain is built when first asked for. For the SDK's own use: it lets
   * capture defer that work to the worker thread.
   */
  public void setExceptionSupplier(Supplier<List<SentryException>> supplier) {
    this.exceptions = null;
    this.exceptionSupplier = supplier;
  }

  /**
   * How the exception chain will be built, or null once it is built or when there is none. For the
   * SDK's own use: the pipeline reads what capture took from the throwable through it.
   */
  public @Nullable Supplier<List<SentryException>> getExceptionSupplier() {
    return exceptionSupplier;
  }

  /** Whether the event has an exception chain, built or not yet built. */
  public boolean hasExceptions() {
    List<SentryException> e = exceptions;
    return exceptionSupplier != null || (e != null && !e.isEmpty());
  }

  /** The throwable this event was captured from, if any. It is not sent. */
  public @Nullable Throwable getThrowable() {
    return throwable;
  }

  public void setThrowable(@Nullable Throwable throwable) {
    this.throwable = throwable;
  }

  @Override
  public String toString() {
    return "SentryEvent{" + eventId + ", " + level + ", throwable=" + throwable + '}';
  }
}
