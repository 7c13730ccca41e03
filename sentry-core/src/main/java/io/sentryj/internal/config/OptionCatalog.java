package io.sentryj.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Every option of every group, and the keys they are set by from text. */
public final class OptionCatalog {
  /** The official SDK's name for {@code outbox-dir}. */
  static final String CACHE_DIR_PATH = "cache-dir-path";

  private static final Map<String, OptionKey<?>> BY_NAME = byName(all());

  private OptionCatalog() {}

  /** Every option, group by group. */
  static List<OptionKey<?>> all() {
    List<OptionKey<?>> all = new ArrayList<>();
    all.addAll(DeliveryOptions.KEYS);
    all.addAll(OutboxOptions.KEYS);
    all.addAll(EventOptions.KEYS);
    all.addAll(PrivacyOptions.KEYS);
    all.addAll(IntegrationOptions.KEYS);
    all.addAll(WebOptions.KEYS);
    return all;
  }

  private static Map<String, OptionKey<?>> byName(List<OptionKey<?>> keys) {
    Map<String, OptionKey<?>> m = new LinkedHashMap<>();
    for (OptionKey<?> key : keys) {
      if (key.readsText()) {
        m.put(key.name(), key);
      }
      if (key == OutboxOptions.DIR) {
        m.put(CACHE_DIR_PATH, key);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** The keys options can be set by from text, without the {@code tags.} family. */
  public static Set<String> textKeys() {
    return BY_NAME.keySet();
  }

  /** The option set by this key from text, or null. */
  static @Nullable OptionKey<?> byName(String name) {
    return BY_NAME.get(name);
  }
}
