package io.sentryj.agent.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * One switchable instrumentation: the types it matches and the advice it applies, added to the
 * agent's one transformer. One whose set-up throws is skipped with one diagnostic line and the
 * others still work; {@code sentry.agent.instrumentation.<name>.enabled=false} switches it off.
 */
public interface AgentInstrumentation {
  /** The name in {@code sentry.agent.instrumentation.<name>.enabled}. */
  String name();

  /** Adds this instrumentation's type matchers and transformations. */
  AgentBuilder extend(AgentBuilder builder);
}
