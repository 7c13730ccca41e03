package io.sentryj.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final RateLimiter limiter = new RateLimiter(now::get);

  @Test
  void categoryLimitsApplyOnlyToTheirCategories() {
    limiter.update(200, "60:transaction:key, 2700:default;error;security:organization", null);
    assertThat(limiter.isLimited(DataCategory.ERROR)).isTrue();
    assertThat(limiter.isLimited(DataCategory.TRANSACTION)).isTrue();
    assertThat(limiter.isLimited(DataCategory.SESSION)).isFalse();
    now.addAndGet(61_000);
    assertThat(limiter.isLimited(DataCategory.TRANSACTION)).isFalse();
    assertThat(limiter.isLimited(DataCategory.ERROR)).isTrue();
  }

  @Test
  void emptyCategoriesLimitEverything() {
    limiter.update(200, "10::organization", null);
    assertThat(limiter.isLimited(DataCategory.SESSION)).isTrue();
    assertThat(limiter.isLimited(DataCategory.INTERNAL)).isTrue();
  }

  @Test
  void theLongerLimitWins() {
    limiter.update(200, "60:error", null);
    limiter.update(200, "1:error", null);
    now.addAndGet(30_000);
    assertThat(limiter.isLimited(DataCategory.ERROR)).isTrue();
  }

  @Test
  void unknownCategoriesAreIgnoredNotMappedToDefault() {
    limiter.update(200, "60:made_up_category", null);
    assertThat(limiter.isAnyLimited()).isFalse();
  }

  @Test
  void aBare429LimitsEverythingForSixtySeconds() {
    limiter.update(429, null, null);
    now.addAndGet(59_000);
    assertThat(limiter.isLimited(DataCategory.ERROR)).isTrue();
    now.addAndGet(2_000);
    assertThat(limiter.isLimited(DataCategory.ERROR)).isFalse();
  }

  @Test
  void retryAfterOfA429LimitsEverythingThatLong() {
    limiter.update(429, null, "2.5");
    now.addAndGet(2_400);
    assertThat(limiter.isLimited(DataCategory.SESSION)).isTrue();
    now.addAndGet(200);
    assertThat(limiter.isLimited(DataCategory.SESSION)).isFalse();
  }

  @Test
  void theRateLimitHeaderWinsOverRetryAfter() {
    limiter.update(429, "5:error", "100");
    assertThat(limiter.isLimited(DataCategory.ERROR)).isTrue();
    assertThat(limiter.isLimited(DataCategory.SESSION)).isFalse();
  }

  @Test
  void garbageIsIgnored() {
    limiter.update(200, "x:error, ,:;;", "soon");
    assertThat(limiter.isAnyLimited()).isFalse();
  }
}
