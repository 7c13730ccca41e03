package io.sentryj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentryj.internal.config.OptionText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SentryOptionsTest {
  private static final String SECRET = "s3cr3tValue";
  private static final String ORIGIN = "system property sentry.x";

  @Test
  void defaultsBuildAndDisableTheSdk() {
    SentryOptions options = SentryOptions.builder().build();

    assertThat(options.hasDsn()).isFalse();
    assertThat(options.environment()).isEqualTo("production");
    assertThat(options.sampleRate()).isEqualTo(1.0);
    assertThat(options.maxBreadcrumbs()).isEqualTo(100);
    assertThat(options.proxy()).isNull();
    assertThat(options.originOf("dsn")).isEqualTo("default");
  }

  @Test
  void typedSettersRecordCodeAsOrigin() {
    SentryOptions options = SentryOptions.builder().sampleRate(0.5).tag("team", "core").build();

    assertThat(options.originOf("sample-rate")).isEqualTo("code");
    assertThat(options.originOf("tags.team")).isEqualTo("code");
    assertThat(options.originOf("release")).isEqualTo("default");
  }

  @Test
  void optionSetsScalarsFromTrimmedText() {
    SentryOptions options =
        SentryOptions.builder()
            .option("dsn", " https://key@o7.ingest.sentry.io/42 ")
            .option("environment", "staging")
            .option("release", "app@1.2.3")
            .option("dist", "17")
            .option("server-name", "web-1")
            .option("sample-rate", " 0.25 ")
            .option("max-breadcrumbs", "50")
            .option("shutdown-timeout-millis", "100")
            .option("flush-timeout-millis", "200")
            .option("max-attachment-size", "1024")
            .build();

    assertThat(options.dsn()).isEqualTo("https://key@o7.ingest.sentry.io/42");
    assertThat(options.hasDsn()).isTrue();
    assertThat(options.environment()).isEqualTo("staging");
    assertThat(options.release()).isEqualTo("app@1.2.3");
    assertThat(options.dist()).isEqualTo("17");
    assertThat(options.serverName()).isEqualTo("web-1");
    assertThat(options.sampleRate()).isEqualTo(0.25);
    assertThat(options.maxBreadcrumbs()).isEqualTo(50);
    assertThat(options.shutdownTimeoutMillis()).isEqualTo(100);
    assertThat(options.flushTimeoutMillis()).isEqualTo(200);
    assertThat(options.maxAttachmentSize()).isEqualTo(1024);
    assertThat(options.originOf("sample-rate")).isEqualTo("code");
  }

  @ParameterizedTest
  @CsvSource({"1, 1.0", "0, 0.0", ".5, 0.5", "5e-1, 0.5", "+0.75, 0.75"})
  void sampleRateTakesDecimalNumbers(String text, double expected) {
    assertThat(SentryOptions.builder().option("sample-rate", text).build().sampleRate())
        .isEqualTo(expected);
  }

  @Test
  void optionSetsBooleansInAnyCase() {
    SentryOptions options =
        SentryOptions.builder()
            .option("debug", "TRUE")
            .option("send-default-pii", "True")
            .option("attach-stacktrace", "true")
            .option("attach-threads", "true")
            .option("attach-server-name", "FALSE")
            .option("enable-uncaught-exception-handler", "false")
            .option("enable-shutdown-hook", "false")
            .option("send-client-reports", "False")
            .build();

    assertThat(options.debug()).isTrue();
    assertThat(options.sendDefaultPii()).isTrue();
    assertThat(options.attachStacktrace()).isTrue();
    assertThat(options.attachThreads()).isTrue();
    assertThat(options.attachServerName()).isFalse();
    assertThat(options.enableUncaughtExceptionHandler()).isFalse();
    assertThat(options.enableShutdownHook()).isFalse();
    assertThat(options.sendClientReports()).isFalse();
  }

  @Test
  void optionSetsListsReplacingWhatWasThere() {
    SentryOptions options =
        SentryOptions.builder()
            .addInAppInclude("old.pkg")
            .option("in-app-includes", " com.acme , org.acme,, ")
            .option("in-app-excludes", "com.acme.gen")
            .option("ignored-exceptions-for-type", "java.io.IOException, java.lang.Error")
            .option("ignored-errors", "Timeout.*,Broken pipe")
            .build();

    assertThat(options.inAppIncludes()).containsExactly("com.acme", "org.acme");
    assertThat(options.inAppExcludes()).containsExactly("com.acme.gen");
    assertThat(options.ignoredExceptionsForType())
        .containsExactly("java.io.IOException", "java.lang.Error");
    assertThat(options.ignoredErrors()).containsExactly("Timeout.*", "Broken pipe");
  }

  @Test
  void tracePropagationTargetsAreEveryUrlByDefaultAndNoneWhenEmpty() {
    assertThat(SentryOptions.builder().build().tracePropagationTargets()).containsExactly(".*");
    assertThat(
            SentryOptions.builder()
                .option("trace-propagation-targets", "api.shop.test, ^https://pay\\..*")
                .build()
                .tracePropagationTargets())
        .containsExactly("api.shop.test", "^https://pay\\..*");
    SentryOptions none = SentryOptions.builder().option("trace-propagation-targets", "").build();
    assertThat(none.tracePropagationTargets()).isEmpty();
    assertThat(none.toBuilder().build().tracePropagationTargets()).isEmpty();
  }

  @Test
  void optionSetsTagsByName() {
    SentryOptions options =
        SentryOptions.builder()
            .option("tags.team", " payments ")
            .option("tags.region", "eu")
            .build();

    assertThat(options.tags()).containsEntry("team", "payments").containsEntry("region", "eu");
    assertThat(options.originOf("tags.team")).isEqualTo("code");
  }

  @Test
  void optionAssemblesTheProxyFromItsParts() {
    SentryOptions options =
        SentryOptions.builder()
            .option("proxy.host", "proxy.local")
            .option("proxy.port", "3128")
            .option("proxy.user", "bob")
            .option("proxy.pass", SECRET)
            .build();

    SentryOptions.Proxy proxy = options.proxy();
    assertThat(proxy).isNotNull();
    assertThat(proxy.host()).isEqualTo("proxy.local");
    assertThat(proxy.port()).isEqualTo(3128);
    assertThat(proxy.user()).isEqualTo("bob");
    assertThat(proxy.password()).isEqualTo(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown-key", "tags.", "sentry.dsn", "Sample-Rate"})
  void unknownKeysAreIgnored(String key) {
    SentryOptions options = SentryOptions.builder().option(key, "whatever").build();

    assertThat(options.originOf(key)).isEqualTo("default");
    assertThat(options.toString()).isEqualTo(SentryOptions.builder().build().toString());
  }

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sample-rate | abc | must be a number from 0 to 1",
        "sample-rate | 1.5 | must be a number from 0 to 1",
        "sample-rate | -0.1 | must be a number from 0 to 1",
        "sample-rate | NaN | must be a number from 0 to 1",
        "sample-rate | 0.5f | must be a number from 0 to 1",
        "sample-rate | Infinity | must be a number from 0 to 1",
        "debug | yes | must be true or false",
        "send-client-reports | 1 | must be true or false",
        "max-breadcrumbs | -1 | must be a whole number, 0 or more",
        "max-breadcrumbs | many | must be a whole number, 0 or more",
        "shutdown-timeout-millis | -5 | must be a whole number, 0 or more",
        "flush-timeout-millis | 1.5 | must be a whole number, 0 or more",
        "max-attachment-size | 0 | must be a whole number, 1 or more",
        "proxy.port | 70000 | must be a number from 1 to 65535",
        "proxy.port | http | must be a number from 1 to 65535",
        "environment | '' | must not be empty",
        "release | latest | must not be \".\", \"..\" or \"latest\"",
        "release | .. | must not be \".\", \"..\" or \"latest\"",
        "release | app/1.0 | must not contain '/' or control characters",
        "dsn | https://key@host | the project id is missing",
        "dsn | ftp://key@host/1 | the scheme must be http or https",
      })
  void everyBadValueIsReportedWithKeyValueAndOrigin(String key, String value, String problem) {
    SentryOptions.Builder builder =
        SentryOptions.builder().option("proxy.host", "proxy.local").option("proxy.port", "8080");

    assertThatThrownBy(() -> builder.option(new OptionText(key, value, ORIGIN)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Invalid option " + key + " = \"" + value + "\" (from " + ORIGIN + "): " + problem);
  }

  @Test
  void releaseLongerThan200CharactersIsRejected() {
    String release = "r".repeat(201);

    assertThatThrownBy(() -> SentryOptions.builder().release(release).build())
        .hasMessage(
            "Invalid option release = \""
                + release
                + "\" (from code): must be at most 200 characters");
    assertThat(SentryOptions.builder().release("r".repeat(200)).build().release()).hasSize(200);
  }

  @Test
  void typedSettersAreValidatedWithCodeAsOrigin() {
    assertThatThrownBy(() -> SentryOptions.builder().sampleRate(2.0).build())
        .hasMessage(
            "Invalid option sample-rate = \"2.0\" (from code): must be a number from 0 to 1");
    assertThatThrownBy(() -> SentryOptions.builder().environment(" ").build())
        .hasMessage("Invalid option environment = \" \" (from code): must not be empty");
    assertThatThrownBy(() -> SentryOptions.builder().release("a\nb").build())
        .hasMessageContaining("release")
        .hasMessageContaining("(from code): must not contain '/' or control characters");
    assertThatThrownBy(() -> SentryOptions.builder().maxAttachmentSize(0).build())
        .hasMessage(
            "Invalid option max-attachment-size = \"0\" (from code): must be a whole number, 1 or"
                + " more");
    assertThatThrownBy(
            () ->
                SentryOptions.builder()
                    .proxy(new SentryOptions.Proxy("proxy.local", 0, null, null))
                    .build())
        .hasMessage(
            "Invalid option proxy.port = \"0\" (from code): must be a number from 1 to 65535");
  }

  @Test
  void typedSetterAfterTextShowsTheTypedValue() {
    assertThatThrownBy(
            () ->
                SentryOptions.builder()
                    .option(new OptionText("sample-rate", "0.5", ORIGIN))
                    .sampleRate(3)
                    .build())
        .hasMessage(
            "Invalid option sample-rate = \"3.0\" (from code): must be a number from 0 to 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankDsnDisablesTheSdk(String dsn) {
    assertThat(SentryOptions.builder().dsn(dsn).build().hasDsn()).isFalse();
    assertThat(SentryOptions.builder().option("dsn", dsn).build().hasDsn()).isFalse();
    assertThat(SentryOptions.builder().dsn(null).build().hasDsn()).isFalse();
  }

  @Test
  void dsnErrorsNeverShowTheSecret() {
    String dsn = "https://key:" + SECRET + "@host";

    assertThatThrownBy(() -> SentryOptions.builder().dsn(dsn).build())
        .hasMessage(
            "Invalid option dsn = \"https://key:***@host\" (from code): the project id is missing"
                + " (expected /ID after the host)");
    assertThatThrownBy(
            () -> SentryOptions.builder().option(new OptionText("dsn", dsn, ORIGIN)).build())
        .message()
        .doesNotContain(SECRET)
        .contains(ORIGIN);
  }

  @Test
  void proxyPartsNeedAHostAndAPort() {
    assertThatThrownBy(() -> SentryOptions.builder().option("proxy.port", "8080").build())
        .hasMessage(
            "Invalid option proxy.port = \"8080\" (from code): needs proxy.host to be set as well");
    assertThatThrownBy(
            () ->
                SentryOptions.builder()
                    .option(new OptionText("proxy.pass", SECRET, ORIGIN))
                    .build())
        .hasMessage(
            "Invalid option proxy.pass = \"***\" (from "
                + ORIGIN
                + "): needs proxy.host to be set as well");
    assertThatThrownBy(() -> SentryOptions.builder().option("proxy.host", "proxy.local").build())
        .hasMessage(
            "Invalid option proxy.host = \"proxy.local\" (from code): needs proxy.port to be set"
                + " as well");
  }

  @Test
  void aBlankProxyHostIsRejected() {
    assertThatThrownBy(
            () ->
                SentryOptions.builder()
                    .proxy(new SentryOptions.Proxy(" ", 3128, null, null))
                    .build())
        .hasMessage("Invalid option proxy.host = \" \" (from code): must not be blank");
  }

  @Test
  void maxBreadcrumbsIsCappedAtTheLimit() {
    assertThat(SentryOptions.builder().maxBreadcrumbs(5000).build().maxBreadcrumbs())
        .isEqualTo(SentryOptions.MAX_BREADCRUMBS_LIMIT);
    assertThat(SentryOptions.builder().maxBreadcrumbs(0).build().maxBreadcrumbs()).isZero();
  }

  @Test
  void toStringMasksTheDsnSecretAndLeavesOutTheProxyPassword() {
    SentryOptions options =
        SentryOptions.builder()
            .dsn("https://key:" + SECRET + "@o1.ingest.sentry.io/42")
            .release("app@1.0")
            .proxy(new SentryOptions.Proxy("proxy.local", 3128, "bob", "hunter2"))
            .build();

    assertThat(options.toString())
        .contains("dsn=https://key:***@o1.ingest.sentry.io/42")
        .contains("release=app@1.0")
        .contains("proxy.local:3128")
        .contains("user=bob")
        .doesNotContain(SECRET)
        .doesNotContain("hunter2");
  }

  @Test
  void toBuilderKeepsValuesAndOrigins() {
    SentryOptions options =
        SentryOptions.builder()
            .option(new OptionText("release", "app@1.0", ORIGIN))
            .proxy(new SentryOptions.Proxy("proxy.local", 3128, "bob", "pw"))
            .tag("team", "core")
            .build();

    SentryOptions copy = options.toBuilder().environment("staging").build();

    assertThat(copy.release()).isEqualTo("app@1.0");
    assertThat(copy.originOf("release")).isEqualTo(ORIGIN);
    assertThat(copy.proxy()).isNotNull();
    assertThat(copy.proxy().password()).isEqualTo("pw");
    assertThat(copy.tags()).containsEntry("team", "core");
    assertThat(copy.environment()).isEqualTo("staging");
    assertThat(copy.toBuilder().externalConfiguration()).isFalse();
  }

  @Test
  void settingTheProxyInCodeClaimsEveryProxyKey() {
    SentryOptions options = SentryOptions.builder().proxy(null).build();

    assertThat(options.originOf("proxy.host")).isEqualTo("code");
    assertThat(options.originOf("proxy.pass")).isEqualTo("code");
  }
}
