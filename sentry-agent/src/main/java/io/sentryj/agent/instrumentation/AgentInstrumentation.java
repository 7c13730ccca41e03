package io.sentryj.agent.instrumentation;

import java.util.Collections;
import java.util.List;
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

  /**
   * A prefix of the name of every type {@link #extend} can match, so that the agent passes over
   * other types on their name alone, before any class file is read. Empty (with no {@link
   * #typeNameParts}) when any name may match.
   */
  default List<String> typeNamePrefixes() {
    return Collections.emptyList();
  }

  /** Parts of the names of types matched by what their name contains (JDBC drivers' classes). */
  default List<String> typeNameParts() {
    return Collections.emptyList();
  }
}
