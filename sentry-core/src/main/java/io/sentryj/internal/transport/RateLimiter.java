package io.sentryj.internal.transport;

import io.sentryj.DataCategory;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The rate limits Sentry announced (protocol section 4): per data category and for all, each the
 * time until which that category must not be sent. Updated from every response, 200 included; the
 * longer limit always wins; limits naming only categories this SDK does not know are ignored.
 * Thread-safe and lock-free, so that {@link #isLimited} is cheap from any thread.
 */
final class RateLimiter {
  /** A 429 with neither header limits everything for this long (protocol section 4). */
  static final long DEFAULT_RETRY_AFTER_MILLIS = 60_000;

  private final LongSupplier clock;
  // until when each category, and every category, is limited, in clock millis; filled once
  private final Map<DataCategory, AtomicLong> until = new EnumMap<>(DataCategory.class);
  private final AtomicLong all = new AtomicLong();

  RateLimiter(LongSupplier clockMillis) {
    this.clock = clockMillis;
    for (DataCategory c : DataCategory.values()) {
      until.put(c, new AtomicLong());
    }
  }

  /**
   * Applies a response's headers: {@code X-Sentry-Rate-Limits} when present, else for a 429 the
   * {@code Retry-After} (or 60 s) for all categories.
   */
  void update(int status, @Nullable String rateLimits, @Nullable String retryAfter) {
    long now = clock.getAsLong();
    if (rateLimits != null && !rateLimits.trim().isEmpty()) {
      for (String quota : rateLimits.split(",", -1)) {
        applyQuota(quota.trim(), now);
      }
    } else if (status == 429) {
      long millis = retryAfterMillis(retryAfter);
      extend(all, now + (millis < 0 ? DEFAULT_RETRY_AFTER_MILLIS : millis));
    }
  }

  private void applyQuota(String quota, long now) {
    if (quota.isEmpty()) {
      return;
    }
    String[] parts = quota.split(":", -1);
    long millis = seconds(parts[0]);
    if (millis < 0) {
      return;
    }
    String categories = parts.length > 1 ? parts[1].trim() : "";
    if (categories.isEmpty()) {
      extend(all, now + millis);
      return;
    }
    for (String name : categories.split(";", -1)) {
      DataCategory c = DataCategory.fromProtocolName(name.trim().toLowerCase(Locale.ROOT));
      if (c != null) {
        extend(of(c), now + millis); // unknown names are ignored, never mapped to default
      }
    }
  }

  /** A {@code Retry-After} in seconds as millis, or -1 when there is none or it is no number. */
  static long retryAfterMillis(@Nullable String retryAfter) {
    return retryAfter == null ? -1 : seconds(retryAfter);
  }

  /** Seconds (whole or fractional) as millis, rounded up; -1 if not a number. */
  private static long seconds(String text) {
    try {
      double s = Double.parseDouble(text.trim());
      if (Double.isNaN(s) || s < 0 || Double.isInfinite(s)) {
        return -1;
      }
      return (long) Math.ceil(s * 1000);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private AtomicLong of(DataCategory c) {
    AtomicLong limit = until.get(c);
    if (limit == null) {
      throw new IllegalStateException("no limit for " + c); // every category has one
    }
    return limit;
  }

  private static void extend(AtomicLong limit, long deadline) {
    long current;
    do {
      current = limit.get();
      if (current >= deadline) {
        return; // the longer limit wins
      }
    } while (!limit.compareAndSet(current, deadline));
  }

  /** Whether items of this category must not be sent now. */
  boolean isLimited(DataCategory category) {
    long now = clock.getAsLong();
    return all.get() > now || of(category).get() > now;
  }

  /** Whether any category is limited now. */
  boolean isAnyLimited() {
    long now = clock.getAsLong();
    if (all.get() > now) {
      return true;
    }
    for (AtomicLong limit : until.values()) {
      if (limit.get() > now) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "RateLimiter{limited=" + isAnyLimited() + '}';
  }
}
