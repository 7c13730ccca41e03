package io.sentryj;

import org.jspecify.annotations.Nullable;

/** What kind of data was sent or dropped (protocol section 4, rate-limit categories). */
public enum DataCategory {
  DEFAULT("default"),
  ERROR("error"),
  TRANSACTION("transaction"),
  SPAN("span"),
  MONITOR("monitor"),
  LOG_ITEM("log_item"),
  LOG_BYTE("log_byte"),
  SECURITY("security"),
  ATTACHMENT("attachment"),
  SESSION("session"),
  PROFILE("profile"),
  PROFILE_CHUNK("profile_chunk"),
  REPLAY("replay"),
  FEEDBACK("feedback"),
  TRACE_METRIC("trace_metric"),
  TRACE_METRIC_BYTE("trace_metric_byte"),
  INTERNAL("internal");

  private final String protocolName;

  DataCategory(String protocolName) {
    this.protocolName = protocolName;
  }

  /** The category's name on the wire. */
  public String protocolName() {
    return protocolName;
  }

  /** The category of that name, or null for names this SDK does not know. */
  public static @Nullable DataCategory fromProtocolName(String name) {
    for (DataCategory c : values()) {
      if (c.protocolName.equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The category of an envelope item type: {@code event} is {@code error}, and so on. */
  public static DataCategory ofItemType(String itemType) {
    switch (itemType) {
      case "event":
        return ERROR;
      case "transaction":
        return TRANSACTION;
      case "attachment":
        return ATTACHMENT;
      case "session":
      case "sessions":
        return SESSION;
      case "check_in":
        return MONITOR;
      case "log":
        return LOG_ITEM;
      case "feedback":
        return FEEDBACK;
      case "client_report":
        return INTERNAL;
      case "profile":
        return PROFILE;
      case "profile_chunk":
        return PROFILE_CHUNK;
      case "span":
        return SPAN;
      case "replay_event":
      case "replay_recording":
        return REPLAY;
      default:
        return DEFAULT;
    }
  }
}
