package io.sentryj.internal;

import io.sentryj.Breadcrumb;
import io.sentryj.Hint;
import io.sentryj.Scope;
import io.sentryj.SentryId;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.integration.ScopeFork;
import io.sentryj.integration.Sdk;
import io.sentryj.internal.integration.LogBatcher;
import io.sentryj.internal.integration.SessionAggregator;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.internal.scope.PropagationContext;
import io.sentryj.internal.scope.ScopeStorage;
import io.sentryj.internal.scope.TraceHeaders;
import io.sentryj.protocol.SentryEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The integration API's view of one {@link SentryRuntime}: made once per runtime. */
public final class RunningSdk implements Sdk {
  private final SentryRuntime runtime;
  private final SentryClient client;
  private final @Nullable String publicKey;

  RunningSdk(SentryRuntime runtime, @Nullable String publicKey) {
    this.runtime = runtime;
    this.client = runtime.client();
    this.publicKey = publicKey;
  }

  /** The client behind an SDK of ours, or null for another implementation or a closed one. */
  public static @Nullable SentryClient clientOf(Sdk sdk) {
    return sdk instanceof RunningSdk && !((RunningSdk) sdk).client.isClosed()
        ? ((RunningSdk) sdk).client
        : null;
  }

  /** The structured-log batcher behind an SDK of ours, or null. */
  public static @Nullable LogBatcher logsOf(Sdk sdk) {
    return sdk instanceof RunningSdk ? ((RunningSdk) sdk).runtime.logBatcher() : null;
  }

  SentryRuntime runtime() {
    return runtime;
  }

  @Override
  public SentryOptions options() {
    return client.options();
  }

  @Override
  public SentryId captureException(
      Throwable throwable,
      String mechanismType,
      boolean handled,
      SentryLevel level,
      @Nullable Hint hint) {
    return client.captureException(throwable, hint, mechanismType, handled, level);
  }

  @Override
  public SentryId captureMessage(String message, SentryLevel level) {
    return client.captureMessage(message, level);
  }

  @Override
  public SentryId captureEvent(SentryEvent event, @Nullable Hint hint) {
    return client.captureEvent(event, hint);
  }

  @Override
  public void addBreadcrumb(Breadcrumb breadcrumb, @Nullable Hint hint) {
    client.addBreadcrumb(breadcrumb, hint);
  }

  @Override
  public Scope isolationScope() {
    return client.storage().current().isolation();
  }

  @Override
  public ScopeFork forkIsolation() {
    ScopeStorage storage = client.storage();
    return new ForkedScopes(storage, storage.current().forkIsolation());
  }

  @Override
  public ScopeFork forkForTask() {
    ScopeStorage storage = client.storage();
    return new ForkedScopes(storage, storage.current().forkForTask());
  }

  @Override
  public ScopeFork currentScopes() {
    ScopeStorage storage = client.storage();
    return new ForkedScopes(storage, storage.current());
  }

  @Override
  public boolean inUnitOfWork() {
    ScopeStorage storage = client.storage();
    return storage.current() != storage.root();
  }

  @Override
  public Map<String, String> outgoingTraceHeaders() {
    PropagationContext context = client.storage().current().propagationContext();
    SentryOptions options = client.options();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("sentry-trace", TraceHeaders.outgoingSentryTrace(context));
    headers.put(
        "baggage",
        TraceHeaders.outgoingBaggage(context, publicKey, options.environment(), options.release()));
    return headers;
  }

  @Override
  public void recordRequestSession(long startedMillis, boolean errored, boolean crashed) {
    SessionAggregator sessions = runtime.sessions();
    if (sessions != null && !client.isClosed()) {
      sessions.record(startedMillis, errored, crashed);
    }
  }

  @Override
  public boolean flush(long timeoutMillis) {
    return runtime.flush(timeoutMillis);
  }

  @Override
  public String toString() {
    return "Sdk{" + client + '}';
  }
}
