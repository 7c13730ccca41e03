package io.sentryj.internal;

import io.sentryj.Scope;
import io.sentryj.integration.ScopeFork;
import io.sentryj.internal.scope.PropagationContext;
import io.sentryj.internal.scope.ScopeStorage;
import io.sentryj.internal.scope.Scopes;
import io.sentryj.internal.scope.TraceHeaders;
import io.sentryj.protocol.Request;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** {@link ScopeFork} over the scope storage of one client. */
final class ForkedScopes implements ScopeFork {
  private final ScopeStorage storage;
  private final Scopes scopes;

  ForkedScopes(ScopeStorage storage, Scopes scopes) {
    this.storage = storage;
    this.scopes = scopes;
  }

  @Override
  public Scope isolation() {
    return scopes.isolation();
  }

  @Override
  public void setRequest(Supplier<Request> request) {
    scopes.isolation().setRequestSource(request);
  }

  @Override
  public void continueTrace(
      @Nullable String sentryTrace, @Nullable String baggage, @Nullable String traceparent) {
    PropagationContext continued = TraceHeaders.continueFrom(sentryTrace, baggage, traceparent);
    scopes
        .isolation()
        .setPropagationContext(continued != null ? continued : PropagationContext.newTrace());
  }

  @Override
  public Token enter() {
    return storage.set(scopes)::close;
  }

  @Override
  public String toString() {
    return "ScopeFork{" + scopes + '}';
  }
}
