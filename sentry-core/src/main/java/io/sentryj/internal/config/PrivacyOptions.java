package io.sentryj.internal.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** What personal data may leave the host, and which values are scrubbed before anything does. */
public final class PrivacyOptions {
  public static final OptionKey<Boolean> SEND_DEFAULT_PII =
      OptionKey.bool("send-default-pii", false);
  public static final OptionKey<List<String>> SCRUB_FIELDS = OptionKey.list("scrub-fields");
  public static final OptionKey<List<String>> SAFE_FIELDS = OptionKey.list("safe-fields");

  static final List<OptionKey<?>> KEYS =
      Collections.unmodifiableList(Arrays.asList(SEND_DEFAULT_PII, SCRUB_FIELDS, SAFE_FIELDS));

  private final OptionValues values;

  /** The privacy options among {@code values}, which nobody changes afterwards. */
  public PrivacyOptions(OptionValues values) {
    this.values = values;
    values.check(KEYS);
  }

  public boolean sendDefaultPii() {
    return values.get(SEND_DEFAULT_PII);
  }

  public List<String> scrubFields() {
    return values.get(SCRUB_FIELDS);
  }

  public List<String> safeFields() {
    return values.get(SAFE_FIELDS);
  }

  @Override
  public String toString() {
    return values.describe(KEYS);
  }
}
