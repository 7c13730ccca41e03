package io.sentryj.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The names the SDK compares class and logger names with, read from the shipped agent jar, whose
 * relocation rewrites string constants that start with a relocated package: they must be the
 * libraries' own names, not the agent's shaded ones.
 */
class ShippedNamesIT {
  private static final Path AGENT_JAR =
      Paths.get(System.getProperty("sentryj.agent.jar", "target/sentry-agent.jar"));
  private static final String SHADED_SDK = "io.sentryj.agent.shaded.sentryj.";

  private static Class<?> shipped(String name) throws Exception {
    ClassLoader loader =
        new AgentClassLoader(AGENT_JAR.toFile(), AgentClassLoader.platformLoader());
    return Class.forName(name, true, loader);
  }

  private static Object staticField(Class<?> type, String name) throws Exception {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(null);
  }

  @Test
  void theDefaultInAppExcludesAndTheSdksPackageAreTheUnshadedNames() throws Exception {
    Class<?> matcher = shipped(SHADED_SDK + "internal.event.InAppMatcher");

    @SuppressWarnings("unchecked")
    List<String> excludes = (List<String>) staticField(matcher, "DEFAULT_EXCLUDES");
    assertThat(excludes)
        .contains(
            "kotlin.",
            "kotlinx.",
            "org.slf4j.",
            "okhttp3.",
            "okio.",
            "net.bytebuddy.",
            "com.google.",
            "io.sentryj.")
        .noneMatch(prefix -> prefix.contains("shaded"));
    assertThat(staticField(matcher, "SDK_PACKAGE")).isEqualTo("io.sentryj.");
    assertThat(staticField(shipped(SHADED_SDK + "internal.event.ThreadsFactory"), "SDK_PACKAGE"))
        .isEqualTo("io.sentryj.");
  }

  @Test
  void theShippedMatcherLeavesTheApplicationsOwnLibrariesAndTheAgentOutOfTheApp() throws Exception {
    Class<?> matcher = shipped(SHADED_SDK + "internal.event.InAppMatcher");
    Object inApp = matcher.getConstructor(List.class, List.class).newInstance(List.of(), List.of());
    Method isInApp = matcher.getMethod("isInApp", String.class);
    Method isSdkFrame = matcher.getMethod("isSdkFrame", String.class);

    assertThat(isInApp.invoke(inApp, "org.slf4j.helpers.AbstractLogger")).isEqualTo(false);
    assertThat(isInApp.invoke(inApp, "okhttp3.internal.connection.RealCall")).isEqualTo(false);
    assertThat(isInApp.invoke(inApp, "kotlin.collections.ArraysKt")).isEqualTo(false);
    assertThat(isInApp.invoke(inApp, "com.acme.shop.Cart")).isEqualTo(true);
    assertThat(isSdkFrame.invoke(null, SHADED_SDK + "internal.scope.ContextCarrier$Carrying"))
        .isEqualTo(true);
    assertThat(isSdkFrame.invoke(null, "io.sentryj.agent.instrumentation.http.OkHttpInterceptor"))
        .isEqualTo(true);
    assertThat(isInApp.invoke(inApp, "io.sentryj.agent.shaded.okhttp3.OkHttpClient"))
        .isEqualTo(false);
  }
}
