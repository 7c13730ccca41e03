package io.sentryj.agent.instrumentation;

import io.sentryj.agent.weave.Hook;
import java.util.List;

/**
 * One switchable instrumentation: the hooks it weaves into classes as they load. {@code
 * sentry.agent.instrumentation.<name>.enabled=false} switches it off; one whose hooks cannot be
 * made is skipped with one diagnostic line and the others still work.
 */
public interface AgentInstrumentation {
  /** The name in {@code sentry.agent.instrumentation.<name>.enabled}. */
  String name();

  /** The hooks to weave: which classes, which methods, and the bridge calls. */
  List<Hook> hooks();
}
