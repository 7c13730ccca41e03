package io.sentryj.internal.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The disk outbox envelopes are written to before they are sent, so that they survive outages and
 * restarts (protocol section 5): on or off, where, how much it keeps.
 */
public final class OutboxOptions {
  public static final OptionKey<Boolean> ENABLE = OptionKey.bool("enable-outbox", true);

  /** Also set by the official SDK's {@code cache-dir-path}. */
  public static final OptionKey<String> DIR = OptionKey.text("outbox-dir", null);

  public static final OptionKey<Integer> MAX_ITEMS =
      OptionKey.positiveInt("outbox-max-items", 1000);
  public static final OptionKey<Long> MAX_BYTES =
      OptionKey.positiveLong("outbox-max-bytes", 64L * 1024 * 1024);
  public static final OptionKey<Boolean> ONLY = OptionKey.bool("outbox-only", false);

  static final List<OptionKey<?>> KEYS =
      Collections.unmodifiableList(Arrays.asList(ENABLE, DIR, MAX_ITEMS, MAX_BYTES, ONLY));

  private final OptionValues values;

  /**
   * The outbox options among {@code values}, which nobody changes afterwards.
   *
   * @throws IllegalArgumentException naming the first option that breaks its rule
   */
  public OutboxOptions(OptionValues values) {
    this.values = values;
    values.check(KEYS);
  }

  public boolean enabled() {
    return values.get(ENABLE);
  }

  public @Nullable String dir() {
    return values.find(DIR);
  }

  public int maxItems() {
    return values.get(MAX_ITEMS);
  }

  public long maxBytes() {
    return values.get(MAX_BYTES);
  }

  public boolean only() {
    return values.get(ONLY);
  }

  @Override
  public String toString() {
    return values.describe(KEYS);
  }
}
