package io.sentryj.internal.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentryj.SentryOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsLoaderTest {
  private final Map<String, String> env = new HashMap<>();
  private final Properties system = new Properties();
  private final List<ClassLoader> classLoaders = new ArrayList<>();
  @TempDir Path dir;

  @Test
  void eachKeyTakesItsValueFromTheHighestSourceThatSetsIt() throws IOException {
    system.setProperty("sentry.release", "sys@1");
    system.setProperty("sentry.environment", "sys-env");
    system.setProperty("sentry.tags.team", "sys-team");
    env.put("SENTRY_RELEASE", "env@1");
    env.put("SENTRY_ENVIRONMENT", "env-env");
    env.put("SENTRY_SAMPLE_RATE", "0.5");
    env.put("SENTRY_TAGS_TEAM", "env-team");
    env.put("SENTRY_TAGS_REGION", "eu");
    env.put("SENTRY_IN_APP_INCLUDES", "env.pkg");
    Path file =
        write(
            "sentry.properties",
            "release=file@1",
            "environment=file-env",
            "sample-rate=0.1",
            "dist=file-dist",
            "in-app-includes=file.a,file.b",
            "tags.team=file-team",
            "tags.region=file-region",
            "tags.tier=file-tier");

    SentryOptions options = load(SentryOptions.builder().release("code@1"));

    assertThat(options.release()).isEqualTo("code@1");
    assertThat(options.originOf("release")).isEqualTo("code");
    assertThat(options.environment()).isEqualTo("sys-env");
    assertThat(options.originOf("environment")).isEqualTo("system property sentry.environment");
    assertThat(options.sampleRate()).isEqualTo(0.5);
    assertThat(options.originOf("sample-rate"))
        .isEqualTo("environment variable SENTRY_SAMPLE_RATE");
    assertThat(options.dist()).isEqualTo("file-dist");
    assertThat(options.originOf("dist")).isEqualTo("file " + file);
    assertThat(options.inAppIncludes()).containsExactly("env.pkg");
    assertThat(options.originOf("in-app-includes"))
        .isEqualTo("environment variable SENTRY_IN_APP_INCLUDES");
    assertThat(options.tags())
        .containsEntry("team", "sys-team")
        .containsEntry("region", "eu")
        .containsEntry("tier", "file-tier")
        .hasSize(3);
    assertThat(options.originOf("tags.team")).isEqualTo("system property sentry.tags.team");
    assertThat(options.originOf("tags.region"))
        .isEqualTo("environment variable SENTRY_TAGS_REGION");
    assertThat(options.originOf("tags.tier")).isEqualTo("file " + file);
    assertThat(options.originOf("max-breadcrumbs")).isEqualTo("default");
  }

  @Test
  void scrubFieldsAndSafeFieldsComeFromTheEnvironmentAndSystemPropertiesAsLists() {
    env.put("SENTRY_SCRUB_FIELDS", "pin, national_id");
    system.setProperty("sentry.safe-fields", "session_count");

    SentryOptions options = load(SentryOptions.builder());

    assertThat(options.scrubFields()).containsExactly("pin", "national_id");
    assertThat(options.originOf("scrub-fields"))
        .isEqualTo("environment variable SENTRY_SCRUB_FIELDS");
    assertThat(options.safeFields()).containsExactly("session_count");
    assertThat(options.originOf("safe-fields")).isEqualTo("system property sentry.safe-fields");
  }

  @Test
  void aListFromCodeIsNotMergedWithListsFromElsewhere() {
    system.setProperty("sentry.in-app-includes", "sys.a");
    env.put("SENTRY_IN_APP_EXCLUDES", "env.x");

    SentryOptions options =
        load(SentryOptions.builder().addInAppInclude("code.a").addInAppInclude("code.b"));

    assertThat(options.inAppIncludes()).containsExactly("code.a", "code.b");
    assertThat(options.inAppExcludes()).containsExactly("env.x");
  }

  @Test
  void aTagFromCodeWinsOverTheSameTagElsewhere() {
    env.put("SENTRY_TAGS_TEAM", "env-team");

    SentryOptions options = load(SentryOptions.builder().tag("team", "code-team"));

    assertThat(options.tags()).containsExactly(Map.entry("team", "code-team"));
    assertThat(options.originOf("tags.team")).isEqualTo("code");
  }

  @Test
  void environmentNamesAreKeysUpperCasedWithUnderscores() {
    assertThat(OptionsLoader.envName("dsn")).isEqualTo("SENTRY_DSN");
    assertThat(OptionsLoader.envName("sample-rate")).isEqualTo("SENTRY_SAMPLE_RATE");
    assertThat(OptionsLoader.envName("proxy.host")).isEqualTo("SENTRY_PROXY_HOST");
    env.put("SENTRY_PROXY_HOST", "proxy.local");
    env.put("SENTRY_PROXY_PORT", "3128");
    env.put("SENTRY_SEND_DEFAULT_PII", "true");
    env.put("SENTRY_ENABLE_UNCAUGHT_EXCEPTION_HANDLER", "false");

    SentryOptions options = load(SentryOptions.builder());

    assertThat(options.proxy()).hasToString("Proxy{proxy.local:3128}");
    assertThat(options.sendDefaultPii()).isTrue();
    assertThat(options.enableUncaughtExceptionHandler()).isFalse();
    assertThat(options.originOf("proxy.port")).isEqualTo("environment variable SENTRY_PROXY_PORT");
  }

  @Test
  void tagNamesFromTheEnvironmentAreLowerCased() {
    env.put("SENTRY_TAGS_BUILD_ID", "42");
    env.put("SENTRY_TAGS_", "no name: ignored");
    env.put("OTHER_TAGS_X", "not ours");

    SentryOptions options = load(SentryOptions.builder());

    assertThat(options.tags()).containsExactly(Map.entry("build_id", "42"));
    assertThat(options.originOf("tags.build_id"))
        .isEqualTo("environment variable SENTRY_TAGS_BUILD_ID");
  }

  @Test
  void externalConfigurationCanBeTurnedOff() throws IOException {
    system.setProperty("sentry.release", "sys@1");
    env.put("SENTRY_ENVIRONMENT", "env-env");
    write("sentry.properties", "dist=file-dist");

    SentryOptions options = load(SentryOptions.builder().externalConfiguration(false));

    assertThat(options.release()).isNull();
    assertThat(options.environment()).isEqualTo("production");
    assertThat(options.dist()).isNull();
  }

  @Test
  void aBlankDsnFromAHigherSourceDisablesTheSdk() throws IOException {
    env.put("SENTRY_DSN", "");
    write("sentry.properties", "dsn=https://key@host/1");

    SentryOptions options = load(SentryOptions.builder());

    assertThat(options.hasDsn()).isFalse();
    assertThat(options.originOf("dsn")).isEqualTo("environment variable SENTRY_DSN");
  }

  @Test
  void theFileNamedBySystemPropertyIsRead() throws IOException {
    Path named = write("conf/app-sentry.properties", "release=named@1");
    write("sentry.properties", "release=local@1");
    system.setProperty("sentry.properties.file", named.toString());
    env.put("SENTRY_PROPERTIES_FILE", write("other.properties", "release=other@1").toString());

    SentryOptions options = load(SentryOptions.builder());

    assertThat(options.release()).isEqualTo("named@1");
    assertThat(options.originOf("release")).isEqualTo("file " + named);
  }

  @Test
  void theFileNamedByTheEnvironmentIsReadRelativeToTheWorkingDirectory() throws IOException {
    Path named = write("conf/app-sentry.properties", "release=named@1");
    env.put("SENTRY_PROPERTIES_FILE", "conf/app-sentry.properties");
    classLoaders.add(classPathWith("/config/classpath-sentry.properties"));

    SentryOptions options = load(SentryOptions.builder());

    assertThat(options.release()).isEqualTo("named@1");
    assertThat(options.originOf("release")).isEqualTo("file " + named);
  }

  @Test
  void aMissingNamedFileIsAWarningAndNoOtherFileIsRead() throws IOException {
    write("sentry.properties", "release=local@1");
    system.setProperty("sentry.properties.file", "missing.properties");

    String stderr = stderrOf(() -> assertThat(load(SentryOptions.builder()).release()).isNull());

    assertThat(stderr)
        .contains("WARN")
        .contains(dir.resolve("missing.properties").toString())
        .contains("NoSuchFileException");
    assertThat(stderr.lines().filter(l -> l.contains("WARN"))).hasSize(1);
  }

  @Test
  void sentryPropertiesOnTheClassPathIsReadBeforeTheWorkingDirectory() throws IOException {
    write("sentry.properties", "release=local@1", "dist=local-dist");
    classLoaders.add(classPathWith(null));
    classLoaders.add(classPathWith("/config/classpath-sentry.properties"));

    SentryOptions options = load(SentryOptions.builder());

    assertThat(options.environment()).isEqualTo("from-classpath");
    assertThat(options.release()).isEqualTo("app@2.0.0");
    assertThat(options.dist()).isNull();
    assertThat(options.inAppIncludes()).containsExactly("com.example.app", "com.example.lib");
    assertThat(options.tags()).containsEntry("source", "classpath").containsEntry("city", "Zürich");
    assertThat(options.originOf("release")).isEqualTo("classpath sentry.properties");
    assertThat(options.originOf("not-an-option")).isEqualTo("default");
  }

  @Test
  void sentryPropertiesInTheWorkingDirectoryIsReadLast() throws IOException {
    Path file = write("sentry.properties", "release=local@1", "future-option=x");

    SentryOptions options = load(SentryOptions.builder());

    assertThat(options.release()).isEqualTo("local@1");
    assertThat(options.originOf("release")).isEqualTo("file " + file);
  }

  @Test
  void noSourceAtAllLeavesTheDefaults() {
    SentryOptions options = load(SentryOptions.builder());

    assertThat(options).hasToString(SentryOptions.builder().build().toString());
  }

  @Test
  void aBadValueInAFileNamesTheFile() throws IOException {
    Path file = write("sentry.properties", "sample-rate=half");

    assertThatThrownBy(() -> load(SentryOptions.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid option sample-rate = \"half\" (from file "
                + file
                + "): must be a number from 0 to 1");
  }

  @Test
  void aBadValueFromTheEnvironmentNamesTheVariable() {
    env.put("SENTRY_DEBUG", "yes");

    assertThatThrownBy(() -> load(SentryOptions.builder()))
        .hasMessage(
            "Invalid option debug = \"yes\" (from environment variable SENTRY_DEBUG): must be true"
                + " or false");
  }

  @Test
  void aBadValueOnlyCheckedAfterMergingNamesItsOrigin() {
    system.setProperty("sentry.release", "latest");

    assertThatThrownBy(() -> load(SentryOptions.builder()))
        .hasMessageStartingWith(
            "Invalid option release = \"latest\" (from system property sentry.release):");
  }

  @Test
  void aBadDsnFromAFileNeverShowsTheSecret() throws IOException {
    write("sentry.properties", "dsn=https://key:s3cr3t@host");

    assertThatThrownBy(() -> load(SentryOptions.builder()))
        .hasMessageContaining("https://key:***@host")
        .hasMessageContaining("(from file ")
        .message()
        .doesNotContain("s3cr3t");
  }

  @Test
  void loadReadsTheRealSystemProperties() {
    String property = "sentry.dist";
    String before = System.getProperty(property);
    System.setProperty(property, "real-dist");
    try {
      SentryOptions options = OptionsLoader.load(SentryOptions.builder());

      assertThat(options.dist()).isEqualTo("real-dist");
      assertThat(options.originOf("dist")).isEqualTo("system property sentry.dist");
    } finally {
      if (before == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, before);
      }
    }
  }

  private SentryOptions load(SentryOptions.Builder builder) {
    return new OptionsLoader(env, system, dir, classLoaders).merge(builder).build();
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(lines), UTF_8);
    return file;
  }

  /** A class path holding only this test resource as {@code sentry.properties}, or nothing. */
  private static ClassLoader classPathWith(@Nullable String resource) {
    return new ClassLoader(null) {
      @Override
      protected @Nullable URL findResource(String name) {
        return resource != null && name.equals("sentry.properties")
            ? OptionsLoaderTest.class.getResource(resource)
            : null;
      }
    };
  }

  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(UTF_8);
  }
}
