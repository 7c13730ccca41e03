package io.sentryj.agent.it;

import static io.sentryj.agent.it.ForkedJvm.AGENT_JAR;
import static io.sentryj.agent.it.ForkedJvm.agentArgs;
import static io.sentryj.agent.it.ForkedJvm.events;
import static io.sentryj.agent.it.ForkedJvm.exitStatus;
import static io.sentryj.agent.it.ForkedJvm.stdout;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.sentryj.agent.it.ForkedJvm.Jdk;
import io.sentryj.agent.it.apps.isolation.LooksForTheAgent;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the agent jar holds, so that it cannot clash with anything an application brings, and that
 * the application sees none of it but the entry class, its loader and the bridge.
 */
class AgentJarIT {
  private static final String SHADED = "inst/io/sentryj/agent/shaded/";

  @TempDir Path work;

  static List<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @Test
  void theJarsRootHoldsOnlyTheEntryClassItsLoaderAndTheBridge() throws Exception {
    try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
      List<String> files =
          jar.stream()
              .filter(e -> !e.isDirectory())
              .map(JarEntry::getName)
              .filter(name -> !name.startsWith("inst/"))
              .collect(Collectors.toList());

      assertThat(files)
          .contains(
              "META-INF/MANIFEST.MF",
              "io/sentryj/agent/SentryAgent.class",
              "io/sentryj/agent/AgentClassLoader.class",
              "io/sentryj/agent/bootstrap/SentryBridge.class")
          .allMatch(
              name ->
                  name.equals("META-INF/MANIFEST.MF")
                      || name.equals("io/sentryj/agent/SentryAgent.class")
                      || name.equals("io/sentryj/agent/AgentClassLoader.class")
                      || name.startsWith("io/sentryj/agent/bootstrap/"));
    }
  }

  @Test
  void everythingElseIsClassDataUnderInstInTheAgentsOwnPackage() throws Exception {
    try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
      List<String> inst =
          jar.stream()
              .map(JarEntry::getName)
              .filter(name -> name.startsWith("inst/"))
              .collect(Collectors.toList());

      assertThat(inst)
          .noneMatch(name -> name.endsWith(".class"))
          .noneMatch(name -> name.startsWith("inst/io/sentryj/agent/bootstrap/"))
          .contains(
              "inst/io/sentryj/agent/AgentInstaller.classdata",
              "inst/io/sentryj/agent/AgentMain.classdata",
              SHADED + "sentryj/Sentry.classdata",
              SHADED + "okhttp3/OkHttpClient.classdata");
      assertThat(inst.stream().filter(name -> name.endsWith(".classdata")))
          .isNotEmpty()
          .allMatch(name -> name.startsWith("inst/io/sentryj/agent/"))
          .anyMatch(name -> name.startsWith(SHADED + "asm/"))
          .anyMatch(name -> name.startsWith(SHADED + "gson/"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void theApplicationCannotLoadTheAgentsClassesWhileTheAgentCaptures(Jdk jdk) throws Exception {
    Path outbox = work.resolve("outbox");
    List<String> ours =
        List.of(
            "io.sentryj.agent.AgentInstaller",
            "io.sentryj.agent.AgentMain",
            "io.sentryj.agent.shaded.okhttp3.OkHttpClient",
            "io.sentryj.agent.shaded.sentryj.Sentry",
            "io.sentryj.agent.shaded.asm.ClassReader");
    String bridge = "io.sentryj.agent.bootstrap.SentryBridge";
    String[] names = new String[ours.size() + 1];
    ours.toArray(names);
    names[ours.size()] = bridge;

    Process app =
        ForkedJvm.startApp(
            jdk,
            work,
            List.of(),
            List.of("-javaagent:" + AGENT_JAR + "=" + agentArgs(outbox)),
            LooksForTheAgent.class.getName(),
            names);

    assertThat(exitStatus(app)).isEqualTo(1);
    String out = stdout(work);
    for (String name : ours) {
      assertThat(out).contains("hidden: " + name);
    }
    assertThat(out).contains("visible: " + bridge);
    List<JsonObject> events = events(outbox);
    assertThat(events)
        .extracting(ForkedJvm::exceptionValue)
        .containsExactly("looked for 6 classes");
  }

  @Test
  void theManifestMakesItAnAgentAndACommand() throws Exception {
    try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();

      assertThat(main.getValue("Premain-Class")).isEqualTo("io.sentryj.agent.SentryAgent");
      assertThat(main.getValue("Agent-Class")).isEqualTo("io.sentryj.agent.SentryAgent");
      assertThat(main.getValue("Main-Class")).isEqualTo("io.sentryj.agent.SentryAgent");
      assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
    }
  }

  @Test
  void theSdksVersionResourceMovedWithIt() throws Exception {
    try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
      assertThat(jar.getEntry("inst/io/sentryj/agent/shaded/sentryj/sentryj-version.properties"))
          .isNotNull();
      assertThat(jar.getEntry("io/sentryj/sentryj-version.properties")).isNull();
    }
  }
}
