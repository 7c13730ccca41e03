package io.sentryj.protocol;

import io.sentryj.SentryId;
import org.jspecify.annotations.Nullable;

/**
 * The trace context ({@code contexts.trace}) that every error event carries, even without tracing
 * (protocol rule 10).
 */
public final class SpanContext {
  private SentryId traceId;
  private String spanId;
  private @Nullable String parentSpanId;
  private @Nullable String op;
  private @Nullable String status;
  private @Nullable String origin;

  /** A trace context with the given trace id and 16-hex-digit span id. */
  public SpanContext(SentryId traceId, String spanId) {
    this.traceId = traceId;
    this.spanId = spanId;
  }

  public SentryId getTraceId() {
    return traceId;
  }

  public void setTraceId(SentryId traceId) {
    this.traceId = traceId;
  }

  public String getSpanId() {
    return spanId;
  }

  public void setSpanId(String spanId) {
    this.spanId = spanId;
  }

  public @Nullable String getParentSpanId() {
    return parentSpanId;
  }

  public void setParentSpanId(@Nullable String parentSpanId) {
    this.parentSpanId = parentSpanId;
  }

  public @Nullable String getOp() {
    return op;
  }

  public void setOp(@Nullable String op) {
    this.op = op;
  }

  public @Nullable String getStatus() {
    return status;
  }

  public void setStatus(@Nullable String status) {
    this.status = status;
  }

  public @Nullable String getOrigin() {
    return origin;
  }

  public void setOrigin(@Nullable String origin) {
    this.origin = origin;
  }

  @Override
  public String toString() {
    return "SpanContext{" + traceId + "-" + spanId + '}';
  }
}
