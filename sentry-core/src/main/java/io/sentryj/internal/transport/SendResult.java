package io.sentryj.internal.transport;

import io.sentryj.internal.diag.Diagnostics;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What became of one request: the server's answer (status and the headers delivery reads), or the
 * error that stopped it, and whether the whole request had been written before it stopped (then
 * Sentry may have accepted it without the answer arriving).
 */
final class SendResult {
  final int status;
  final @Nullable String rateLimits;
  final @Nullable String retryAfter;
  final @Nullable String sentryError;
  final @Nullable IOException error;
  final boolean requestSent;

  SendResult(
      int status,
      @Nullable String rateLimits,
      @Nullable String retryAfter,
      @Nullable String sentryError,
      @Nullable IOException error,
      boolean requestSent) {
    this.status = status;
    this.rateLimits = rateLimits;
    this.retryAfter = retryAfter;
    this.sentryError = sentryError;
    this.error = error;
    this.requestSent = requestSent;
  }

  /** An answer from the server. */
  static SendResult answered(
      int status,
      @Nullable String rateLimits,
      @Nullable String retryAfter,
      @Nullable String sentryError) {
    return new SendResult(status, rateLimits, retryAfter, sentryError, null, true);
  }

  /** No answer: {@code error} stopped the request, after it was all written or before. */
  static SendResult failed(IOException error, boolean requestSent) {
    return new SendResult(0, null, null, null, error, requestSent);
  }

  /** Whether the server accepted the envelope (a 2xx answer). */
  boolean accepted() {
    return error == null && status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    IOException e = error;
    return e != null ? Diagnostics.describe(e) : "HTTP " + status;
  }
}
