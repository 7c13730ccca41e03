package io.sentryj;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A record of something that happened before an event (protocol section 3, {@code breadcrumbs}).
 * Immutable: scopes forked from each other share breadcrumbs safely. Make one with {@link
 * #builder()}, or with the shortcuts {@link #info(String)} and {@link #error(String)}.
 *
 * <pre>{@code
 * Sentry.addBreadcrumb(Breadcrumb.builder().category("auth").message("user logged in").build());
 * }</pre>
 */
public final class Breadcrumb {
  private final long timestampMillis;
  private final @Nullable String type;
  private final @Nullable String category;
  private final @Nullable String message;
  private final @Nullable SentryLevel level;
  private final Map<String, Object> data;

  private Breadcrumb(Builder b) {
    this.timestampMillis = b.timestampMillis != 0L ? b.timestampMillis : System.currentTimeMillis();
    this.type = b.type;
    this.category = b.category;
    this.message = b.message;
    this.level = b.level;
    this.data =
        b.data == null || b.data.isEmpty()
            ? Collections.<String, Object>emptyMap()
            : Collections.unmodifiableMap(new LinkedHashMap<>(b.data));
  }

  /** A new builder; the timestamp defaults to the time {@link Builder#build()} is called. */
  public static Builder builder() {
    return new Builder();
  }

  /** A breadcrumb with a message and level {@code info}. */
  public static Breadcrumb info(String message) {
    return builder().message(message).level(SentryLevel.INFO).build();
  }

  /** A breadcrumb with a message and level {@code error}. */
  public static Breadcrumb error(String message) {
    return builder().message(message).level(SentryLevel.ERROR).build();
  }

  /** A builder holding this breadcrumb's values, to make a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timestampMillis = timestampMillis;
    b.type = type;
    b.category = category;
    b.message = message;
    b.level = level;
    b.data = data.isEmpty() ? null : new LinkedHashMap<>(data);
    return b;
  }

  /** When it happened, in milliseconds since the epoch. */
  public long timestampMillis() {
    return timestampMillis;
  }

  /** The type: {@code default}, {@code http}, {@code navigation}, {@code query}, ... */
  public @Nullable String type() {
    return type;
  }

  /** The category, for example the logger name. */
  public @Nullable String category() {
    return category;
  }

  /** The human-readable message. */
  public @Nullable String message() {
    return message;
  }

  /** The level; the server assumes {@code info} when absent. */
  public @Nullable SentryLevel level() {
    return level;
  }

  /** Arbitrary data, never null. */
  public Map<String, Object> data() {
    return data;
  }

  @Override
  public String toString() {
    return "Breadcrumb{" + category + ", " + level + ", " + message + '}';
  }

  /** Builds a {@link Breadcrumb}. */
  public static final class Builder {
    private long timestampMillis;
    private @Nullable String type;
    private @Nullable String category;
    private @Nullable String message;
    private @Nullable SentryLevel level;
    private @Nullable Map<String, Object> data;

    private Builder() {}

    /** Sets the time in milliseconds since the epoch. */
    public Builder timestampMillis(long timestampMillis) {
      this.timestampMillis = timestampMillis;
      return this;
    }

    /** Sets the type. */
    public Builder type(@Nullable String type) {
      this.type = type;
      return this;
    }

    /** Sets the category. */
    public Builder category(@Nullable String category) {
      this.category = category;
      return this;
    }

    /** Sets the message. */
    public Builder message(@Nullable String message) {
      this.message = message;
      return this;
    }

    /** Sets the level. */
    public Builder level(@Nullable SentryLevel level) {
      this.level = level;
      return this;
    }

    /** Adds one data entry. */
    public Builder data(String key, Object value) {
      Map<String, Object> d = data;
      if (d == null) {
        d = new LinkedHashMap<>();
        data = d;
      }
      d.put(key, value);
      return this;
    }

    /** Builds the breadcrumb. */
    public Breadcrumb build() {
      return new Breadcrumb(this);
    }
  }
}
