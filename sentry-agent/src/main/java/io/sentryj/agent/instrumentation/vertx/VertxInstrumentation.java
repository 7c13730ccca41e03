package io.sentryj.agent.instrumentation.vertx;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import io.sentryj.agent.weave.Call;
import io.sentryj.agent.weave.Hook;
import io.sentryj.agent.weave.MethodMatcher;
import io.sentryj.agent.weave.TypeMatcher;
import io.sentryj.agent.weave.Value;
import java.util.Arrays;
import java.util.List;

/**
 * {@code vertx}: a Vert.x Web server has no per-request entry the agent can scope its work by (a
 * request moves between event-loop and worker threads), but its failures pass a handler with the
 * request's {@code RoutingContext} in hand, and what is logged there (the failed request's
 * exception) carries the request's data: Quarkus's {@code QuarkusErrorHandler.handle} and Vert.x
 * Web's {@code RoutingContextImplBase.unhandledFailure}. Matched by name.
 */
public final class VertxInstrumentation implements AgentInstrumentation {
  private static final String BRIDGE = "io/sentryj/agent/bootstrap/VertxBridge";
  private static final String ENTER = "(Ljava/lang/Object;)V";
  private static final Call EXIT = new Call(BRIDGE, "exit", "()V");

  @Override
  public String name() {
    return "vertx";
  }

  @Override
  public List<Hook> hooks() {
    return Arrays.asList(
        hook(
            TypeMatcher.named("io/quarkus/vertx/http/runtime/QuarkusErrorHandler"),
            MethodMatcher.named("handle").descriptor("(Lio/vertx/ext/web/RoutingContext;)V"),
            new Call(BRIDGE, "enter", ENTER, Value.argument(0))),
        hook(
            TypeMatcher.named("io/vertx/ext/web/impl/RoutingContextImplBase"),
            MethodMatcher.named("unhandledFailure")
                .descriptor("(ILjava/lang/Throwable;Lio/vertx/ext/web/impl/RouterImpl;)V"),
            new Call(BRIDGE, "enter", ENTER, Value.THIS)));
  }

  private static Hook hook(TypeMatcher type, MethodMatcher method, Call enter) {
    return Hook.on("vertx", type, method).enter(enter).onThrow(EXIT).build();
  }

  @Override
  public String toString() {
    return "VertxInstrumentation";
  }
}
