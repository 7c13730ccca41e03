package io.sentryj.testing;

import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.integration.SessionAggregator;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.internal.scope.ScopeStorage;
import java.lang.reflect.Field;
import org.jspecify.annotations.Nullable;

/**
 * What tests of other modules check of the running SDK that no API shows: the scopes a thread holds
 * itself, the request sessions waiting. Here, in the core's test jar, so that those tests import
 * nothing from {@code io.sentryj.internal}.
 */
public final class SdkInternals {
  private SdkInternals() {}

  /**
   * The scopes the calling thread holds itself (not the root every thread falls back to), or null
   * when it holds none: a thread a request left must hold none.
   */
  public static @Nullable Object threadScopes() {
    SentryClient client = SentryRuntime.currentClient();
    if (client == null) {
      throw new IllegalStateException("the SDK is not running");
    }
    ScopeStorage storage = client.storage();
    try {
      Field local = ScopeStorage.class.getDeclaredField("local");
      local.setAccessible(true);
      return ((ThreadLocal<?>) local.get(storage)).get();
    } catch (ReflectiveOperationException e) {
      throw new LinkageError("ScopeStorage changed", e);
    }
  }

  /** How many ended requests wait in the running SDK's session aggregates; -1 without one. */
  public static long pendingRequestSessions() {
    SessionAggregator sessions = SentryRuntime.currentSessions();
    return sessions == null ? -1 : sessions.pending();
  }
}
