package io.sentryj.protocol;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code logentry} interface: a log message's template, its parameters and the formatted text,
 * so that messages differing only in parameters group into one issue.
 */
public final class Message {
  private @Nullable String formatted;
  private @Nullable String message;
  private @Nullable List<String> params;

  /** The text as the user sees it. */
  public @Nullable String getFormatted() {
    return formatted;
  }

  public void setFormatted(@Nullable String formatted) {
    this.formatted = formatted;
  }

  /** The template, for example {@code "user {} not found"}. */
  public @Nullable String getMessage() {
    return message;
  }

  public void setMessage(@Nullable String message) {
    this.message = message;
  }

  /** The template's parameters, as text. */
  public @Nullable List<String> getParams() {
    return params;
  }

  public void setParams(@Nullable List<String> params) {
    this.params = params == null ? null : new ArrayList<>(params);
  }

  @Override
  public String toString() {
    return "Message{" + (formatted != null ? formatted : message) + '}';
  }
}
