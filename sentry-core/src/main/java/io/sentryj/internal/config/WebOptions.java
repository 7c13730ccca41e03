package io.sentryj.internal.config;

import io.sentryj.SentryOptions.RequestBodySize;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What web integrations (sentry-servlet, the agent's servlet advice) add to events and sessions.
 */
public final class WebOptions {
  public static final OptionKey<RequestBodySize> MAX_REQUEST_BODY_SIZE =
      OptionKey.of(
          "max-request-body-size",
          RequestBodySize.NONE,
          WebOptions::bodySize,
          OptionKey.Rule.<RequestBodySize>none());
  public static final OptionKey<Boolean> CAPTURE_SERVER_ERRORS =
      OptionKey.bool("capture-server-errors", false);
  public static final OptionKey<Boolean> ENABLE_AUTO_SESSION_TRACKING =
      OptionKey.bool("enable-auto-session-tracking", true);

  static final List<OptionKey<?>> KEYS =
      Collections.unmodifiableList(
          Arrays.asList(
              MAX_REQUEST_BODY_SIZE, CAPTURE_SERVER_ERRORS, ENABLE_AUTO_SESSION_TRACKING));

  private final OptionValues values;

  /** The web options among {@code values}, which nobody changes afterwards. */
  public WebOptions(OptionValues values) {
    this.values = values;
    values.check(KEYS);
  }

  private static RequestBodySize bodySize(OptionText text) {
    for (RequestBodySize size : RequestBodySize.values()) {
      if (size.name().equalsIgnoreCase(text.string())) {
        return size;
      }
    }
    throw new IllegalArgumentException(
        text.key()
            + "="
            + text.string()
            + " (from "
            + text.origin()
            + "): must be none, small, medium or always");
  }

  public RequestBodySize maxRequestBodySize() {
    return values.get(MAX_REQUEST_BODY_SIZE);
  }

  public boolean captureServerErrors() {
    return values.get(CAPTURE_SERVER_ERRORS);
  }

  public boolean enableAutoSessionTracking() {
    return values.get(ENABLE_AUTO_SESSION_TRACKING);
  }

  @Override
  public String toString() {
    return values.describe(KEYS);
  }
}
