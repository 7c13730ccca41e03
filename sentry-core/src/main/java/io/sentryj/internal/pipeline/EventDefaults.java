package io.sentryj.internal.pipeline;

import io.sentryj.SentryOptions;
import io.sentryj.internal.event.HostName;
import io.sentryj.internal.event.JsonValues;
import io.sentryj.internal.event.RuntimeContexts;
import io.sentryj.protocol.Contexts;
import io.sentryj.protocol.SdkVersion;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What every event gets from the process rather than from scopes: the SDK description, the server
 * name and the {@code os} and {@code runtime} contexts. Made once per SDK instance; the maps are
 * shared by all events, never copied.
 */
public final class EventDefaults {
  /**
   * How long a capture may wait for the host name, once per process: it is resolved on its own
   * thread from start-up, so this wait is rarely met.
   */
  static final long HOST_NAME_WAIT_MILLIS = 100;

  private final SdkVersion sdk;
  private final Supplier<@Nullable String> serverName;
  private final Map<String, Object> os;
  private final Map<String, Object> runtime;
  private final @Nullable HostName hostName;

  /**
   * Defaults from explicit parts.
   *
   * @param serverName gives the server name, or null when not known; must not block long
   */
  public EventDefaults(
      SdkVersion sdk,
      Supplier<@Nullable String> serverName,
      Map<String, Object> os,
      Map<String, Object> runtime) {
    this(sdk, serverName, os, runtime, null);
  }

  private EventDefaults(
      SdkVersion sdk,
      Supplier<@Nullable String> serverName,
      Map<String, Object> os,
      Map<String, Object> runtime,
      @Nullable HostName hostName) {
    this.sdk = sdk;
    this.serverName = serverName;
    // frozen once: shared by every event, and known clean to the scrubber after the first
    this.os = JsonValues.freezeMap(os);
    this.runtime = JsonValues.freezeMap(runtime);
    this.hostName = hostName;
  }

  /**
   * The defaults for these options: the configured server name, else (with {@code
   * attachServerName}) the host name, resolved off the caller's thread; this process's {@code os}
   * and {@code runtime}.
   */
  public static EventDefaults forOptions(SentryOptions options, SdkVersion sdk) {
    return forOptions(options, sdk, HostName::system);
  }

  static EventDefaults forOptions(
      SentryOptions options, SdkVersion sdk, Supplier<HostName> hostNames) {
    String configured = options.serverName();
    if (configured != null) {
      return new EventDefaults(
          sdk, () -> configured, RuntimeContexts.os(), RuntimeContexts.runtime(), null);
    }
    if (!options.attachServerName()) {
      return new EventDefaults(
          sdk, () -> null, RuntimeContexts.os(), RuntimeContexts.runtime(), null);
    }
    HostName host = hostNames.get();
    return new EventDefaults(
        sdk,
        () -> host.get(HOST_NAME_WAIT_MILLIS),
        RuntimeContexts.os(),
        RuntimeContexts.runtime(),
        host);
  }

  public SdkVersion sdk() {
    return sdk;
  }

  public @Nullable String serverName() {
    return serverName.get();
  }

  void addContexts(Contexts contexts) {
    if (!os.isEmpty() && contexts.get("os") == null) {
      contexts.put("os", os);
    }
    if (!runtime.isEmpty() && contexts.get("runtime") == null) {
      contexts.put("runtime", runtime);
    }
  }

  /** Stops the host-name thread, so that an application server can unload the SDK. */
  public void close() {
    HostName h = hostName;
    if (h != null) {
      h.close();
    }
  }

  @Override
  public String toString() {
    return "EventDefaults{" + sdk + '}';
  }
}
