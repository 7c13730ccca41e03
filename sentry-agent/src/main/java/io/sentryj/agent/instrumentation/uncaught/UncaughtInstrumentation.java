package io.sentryj.agent.instrumentation.uncaught;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import io.sentryj.agent.weave.Call;
import io.sentryj.agent.weave.Hook;
import io.sentryj.agent.weave.MethodMatcher;
import io.sentryj.agent.weave.TypeMatcher;
import io.sentryj.agent.weave.Value;
import java.util.Arrays;
import java.util.List;

/**
 * {@code uncaught}: keeps the SDK's handler in front when the application sets its own default
 * uncaught-exception handler, so that both run; and captures the fatal error with which a
 * Dropwizard command ends the application (a configuration error at start-up, which Dropwizard
 * prints and exits on, with no exception left uncaught).
 */
public final class UncaughtInstrumentation implements AgentInstrumentation {
  private static final String BRIDGE = "io/sentryj/agent/bootstrap/SentryBridge";
  private static final String HANDLER = "Ljava/lang/Thread$UncaughtExceptionHandler;";

  @Override
  public String name() {
    return "uncaught";
  }

  @Override
  public List<Hook> hooks() {
    return Arrays.asList(
        Hook.on(
                "uncaught",
                TypeMatcher.named("java/lang/Thread"),
                MethodMatcher.named("setDefaultUncaughtExceptionHandler")
                    .descriptor("(" + HANDLER + ")V"))
            .enterReplacing(
                0,
                new Call(
                    BRIDGE, "defaultHandler", "(" + HANDLER + ")" + HANDLER, Value.argument(0)))
            .build(),
        // Dropwizard 4 and 5 (io.dropwizard.core), and 1 to 3
        Hook.on(
                "uncaught",
                TypeMatcher.named("io/dropwizard/core/Application", "io/dropwizard/Application"),
                MethodMatcher.named("onFatalError").descriptor("(Ljava/lang/Throwable;)V"))
            .enter(new Call(BRIDGE, "fatal", "(Ljava/lang/Throwable;)V", Value.argument(0)))
            .build());
  }

  @Override
  public String toString() {
    return "UncaughtInstrumentation";
  }
}
