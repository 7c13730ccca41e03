package io.sentryj.agent.instrumentation.vertx;

import io.sentryj.ScopeToken;
import io.sentryj.Sentry;
import io.sentryj.agent.bootstrap.VertxBridge;
import io.sentryj.protocol.Request;
import io.sentryj.servlet.internal.RequestData;
import org.jspecify.annotations.Nullable;

/**
 * The agent's side of the {@link VertxBridge}: the failure handling of a request runs in an
 * isolation scope of its own with the request's data (method, URL, scrubbed query, the headers the
 * servlet integration sends; cookies and the client's address only with {@code send-default-pii}),
 * so that the error the framework logs there is sent with its request. No transaction is set: the
 * framework's route is not known here, and the path would make one transaction per id.
 */
public final class VertxHooks implements VertxBridge.Hooks {
  private final boolean sendDefaultPii;

  private VertxHooks(boolean sendDefaultPii) {
    this.sendDefaultPii = sendDefaultPii;
  }

  /** Connects the bridge the woven failure handlers call. */
  public static void install(boolean sendDefaultPii) {
    VertxBridge.install(new VertxHooks(sendDefaultPii));
  }

  @Override
  public @Nullable Object enter(Object routingContext) {
    VertxRequestView view = VertxRequestView.of(routingContext);
    if (view == null) {
      return null;
    }
    Request request = RequestData.build(view, sendDefaultPii);
    ScopeToken token = Sentry.pushIsolationScope();
    Sentry.configureScope(scope -> scope.setRequest(request));
    return token;
  }

  @Override
  public void exit(Object scope) {
    ((ScopeToken) scope).close();
  }

  @Override
  public String toString() {
    return "VertxHooks{sendDefaultPii=" + sendDefaultPii + '}';
  }
}
