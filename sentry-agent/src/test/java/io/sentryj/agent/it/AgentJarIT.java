package io.sentryj.agent.it;

import static io.sentryj.agent.it.ForkedJvm.AGENT_JAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the shaded jar holds, so that it cannot clash with anything an application brings. */
class AgentJarIT {
  @Test
  void everyClassLivesUnderTheAgentsOwnPackage() throws Exception {
    try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
      List<String> classes =
          jar.stream()
              .map(e -> e.getName())
              .filter(name -> name.endsWith(".class"))
              .collect(Collectors.toList());

      assertThat(classes)
          .isNotEmpty()
          .allMatch(name -> name.startsWith("io/sentryj/agent/"))
          .anyMatch(name -> name.startsWith("io/sentryj/agent/shaded/bytebuddy/"))
          .anyMatch(name -> name.startsWith("io/sentryj/agent/shaded/gson/"))
          .anyMatch(name -> name.startsWith("io/sentryj/agent/shaded/sentryj/Sentry"));
    }
  }

  @Test
  void theManifestMakesItAnAgentAndACommand() throws Exception {
    try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();

      assertThat(main.getValue("Premain-Class")).isEqualTo("io.sentryj.agent.SentryAgent");
      assertThat(main.getValue("Agent-Class")).isEqualTo("io.sentryj.agent.SentryAgent");
      assertThat(main.getValue("Main-Class")).isEqualTo("io.sentryj.agent.AgentMain");
      assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
    }
  }

  @Test
  void theSdksVersionResourceMovedWithIt() throws Exception {
    try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
      assertThat(jar.getEntry("io/sentryj/agent/shaded/sentryj/sentryj-version.properties"))
          .isNotNull();
      assertThat(jar.getEntry("io/sentryj/sentryj-version.properties")).isNull();
    }
  }
}
