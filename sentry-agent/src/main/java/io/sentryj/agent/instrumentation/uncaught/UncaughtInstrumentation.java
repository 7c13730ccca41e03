package io.sentryj.agent.instrumentation.uncaught;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * {@code uncaught}: keeps the SDK's handler in front when the application sets its own default
 * uncaught-exception handler, so that both run.
 */
public final class UncaughtInstrumentation implements AgentInstrumentation {
  @Override
  public String name() {
    return "uncaught";
  }

  @Override
  public List<String> typeNamePrefixes() {
    return Collections.singletonList("java.lang.Thread");
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder) {
    return builder
        .type(named("java.lang.Thread"))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(SetDefaultHandlerAdvice.class.getClassLoader())
                .advice(
                    named("setDefaultUncaughtExceptionHandler").and(takesArguments(1)),
                    SetDefaultHandlerAdvice.class.getName()));
  }

  @Override
  public String toString() {
    return "UncaughtInstrumentation";
  }
}
