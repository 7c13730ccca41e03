package io.sentryj.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {
  @Test
  void instrumentationsAreOnUnlessSwitchedOff() {
    Properties system = new Properties();
    system.setProperty("sentry.agent.instrumentation.executor.enabled", "false");
    AgentSettings settings =
        new AgentSettings(
            Collections.emptyMap(),
            system,
            Collections.singletonMap("SENTRY_AGENT_INSTRUMENTATION_UNCAUGHT_ENABLED", "FALSE"));

    assertThat(settings.isEnabled("executor")).isFalse();
    assertThat(settings.isEnabled("uncaught")).isFalse();
    assertThat(settings.isEnabled("logging")).isTrue();
    assertThat(settings.originOf("agent.instrumentation.uncaught.enabled"))
        .isEqualTo("environment variable SENTRY_AGENT_INSTRUMENTATION_UNCAUGHT_ENABLED");
  }

  @Test
  void agentArgumentsWinOverSystemProperties() {
    Properties system = new Properties();
    system.setProperty("sentry.agent.envelope-dir", "/from/property");
    AgentSettings settings =
        new AgentSettings(
            Collections.singletonMap("agent.envelope-dir", "/from/argument"),
            system,
            Collections.emptyMap());

    assertThat(settings.envelopeDir()).isEqualTo("/from/argument");
    assertThat(settings.originOf("agent.envelope-dir"))
        .isEqualTo("agent argument agent.envelope-dir");
  }
}
