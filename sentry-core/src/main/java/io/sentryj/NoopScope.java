package io.sentryj;

import io.sentryj.protocol.Request;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The scope handed out while the SDK is not running: it keeps nothing. */
final class NoopScope implements Scope {
  static final NoopScope INSTANCE = new NoopScope();

  private NoopScope() {}

  @Override
  public void setTag(String key, @Nullable String value) {}

  @Override
  public void removeTag(String key) {}

  @Override
  public void setExtra(String key, @Nullable Object value) {}

  @Override
  public void removeExtra(String key) {}

  @Override
  public void setContext(String name, @Nullable Map<String, ?> values) {}

  @Override
  public void removeContext(String name) {}

  @Override
  public void setUser(@Nullable User user) {}

  @Override
  public @Nullable User getUser() {
    return null;
  }

  @Override
  public void setLevel(@Nullable SentryLevel level) {}

  @Override
  public void setFingerprint(List<String> fingerprint) {}

  @Override
  public void setTransaction(@Nullable String transaction) {}

  @Override
  public @Nullable String getTransaction() {
    return null;
  }

  @Override
  public void setRequest(@Nullable Request request) {}

  @Override
  public void addBreadcrumb(Breadcrumb breadcrumb) {}

  @Override
  public void clearBreadcrumbs() {}

  @Override
  public void addAttachment(Attachment attachment) {}

  @Override
  public void clearAttachments() {}

  @Override
  public void addEventProcessor(EventProcessor processor) {}

  @Override
  public void clear() {}

  @Override
  public String toString() {
    return "NoopScope";
  }
}
