package io.sentryj;

/** Why the SDK dropped something (protocol section 5, client report reasons). */
public enum DiscardReason {
  QUEUE_OVERFLOW("queue_overflow"),
  CACHE_OVERFLOW("cache_overflow"),
  RATELIMIT_BACKOFF("ratelimit_backoff"),
  NETWORK_ERROR("network_error"),
  SAMPLE_RATE("sample_rate"),
  BEFORE_SEND("before_send"),
  EVENT_PROCESSOR("event_processor"),
  SEND_ERROR("send_error"),
  INTERNAL_SDK_ERROR("internal_sdk_error"),
  INSUFFICIENT_DATA("insufficient_data"),
  BACKPRESSURE("backpressure"),
  BUFFER_OVERFLOW("buffer_overflow"),
  IGNORED("ignored"),
  INVALID("invalid");

  private final String protocolName;

  DiscardReason(String protocolName) {
    this.protocolName = protocolName;
  }

  /** The reason's name in a client report. */
  public String protocolName() {
    return protocolName;
  }
}
