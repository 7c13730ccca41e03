package io.sentryj;

import io.sentryj.protocol.Request;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Data applied to every event captured while the scope is in effect: what {@link
 * Sentry#configureScope} and {@link Sentry#withScope} hand out. Safe to use from several threads.
 */
public interface Scope {
  /** Sets a tag; a null value removes it. */
  void setTag(String key, @Nullable String value);

  /** Removes a tag. */
  void removeTag(String key);

  /** Sets an extra value; a null value removes it. */
  void setExtra(String key, @Nullable Object value);

  /** Removes an extra value. */
  void removeExtra(String key);

  /** Sets a named context, for example {@code "order"}; a null value removes it. */
  void setContext(String name, @Nullable Map<String, ?> values);

  /** Removes a named context. */
  void removeContext(String name);

  /** Sets the user; null removes it. */
  void setUser(@Nullable User user);

  /** The user, or null. */
  @Nullable User getUser();

  /** Sets the level that overrides the event's own; null removes it. */
  void setLevel(@Nullable SentryLevel level);

  /** Sets the fingerprint that overrides grouping; an empty list removes it. */
  void setFingerprint(List<String> fingerprint);

  /** Sets the transaction name, for example the route of the current request. */
  void setTransaction(@Nullable String transaction);

  /** The transaction name, or null. */
  @Nullable String getTransaction();

  /** Sets the HTTP request the scope belongs to. */
  void setRequest(@Nullable Request request);

  /** Adds a breadcrumb (after {@code beforeBreadcrumb}); the oldest goes when the ring is full. */
  void addBreadcrumb(Breadcrumb breadcrumb);

  /** Removes all breadcrumbs. */
  void clearBreadcrumbs();

  /** Adds an attachment sent with every event of this scope. */
  void addAttachment(Attachment attachment);

  /** Removes all attachments. */
  void clearAttachments();

  /** Adds an event processor that runs for events of this scope. */
  void addEventProcessor(EventProcessor processor);

  /** Removes everything from the scope. */
  void clear();
}
