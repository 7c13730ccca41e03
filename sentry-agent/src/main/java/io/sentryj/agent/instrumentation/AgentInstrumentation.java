package io.sentryj.agent.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * One switchable instrumentation: the types it matches and the advice it applies. The agent
 * installs each on its own, so that one that fails is skipped with one diagnostic line and the
 * others still work; {@code sentry.agent.instrumentation.<name>.enabled=false} switches it off.
 */
public interface AgentInstrumentation {
  /** The name in {@code sentry.agent.instrumentation.<name>.enabled}. */
  String name();

  /** Adds this instrumentation's type matchers and transformations. */
  AgentBuilder extend(AgentBuilder builder);
}
