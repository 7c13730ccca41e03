package io.sentryj.internal.event;

import static java.util.Arrays.asList;
import static java.util.Collections.emptyList;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.SentryOptions;
import org.junit.jupiter.api.Test;

class InAppMatcherTest {

  @Test
  void withoutIncludesEverythingButKnownLibrariesIsInApp() {
    InAppMatcher matcher = new InAppMatcher(emptyList(), emptyList());

    assertThat(matcher.isInApp("com.acme.shop.CartService")).isTrue();
    assertThat(matcher.isInApp("Main")).isTrue();
    assertThat(matcher.isInApp("java.lang.Thread")).isFalse();
    assertThat(matcher.isInApp("jdk.internal.reflect.NativeMethodAccessorImpl")).isFalse();
    assertThat(matcher.isInApp("org.springframework.web.servlet.DispatcherServlet")).isFalse();
    assertThat(matcher.isInApp("io.sentryj.internal.event.ExceptionFactory")).isFalse();
    assertThat(matcher.isInApp("org.junit.platform.launcher.core.DefaultLauncher")).isFalse();
  }

  @Test
  void withIncludesOnlyIncludedPackagesAreInApp() {
    InAppMatcher matcher = new InAppMatcher(asList("com.acme."), emptyList());

    assertThat(matcher.isInApp("com.acme.shop.CartService")).isTrue();
    assertThat(matcher.isInApp("com.other.Thing")).isFalse();
    assertThat(matcher.isInApp("java.lang.Thread")).isFalse();
  }

  @Test
  void anIncludeBeatsALessSpecificDefaultExclude() {
    InAppMatcher matcher = new InAppMatcher(asList("org.springframework.samples."), emptyList());

    assertThat(matcher.isInApp("org.springframework.samples.petclinic.OwnerController")).isTrue();
    assertThat(matcher.isInApp("org.springframework.web.servlet.DispatcherServlet")).isFalse();
  }

  @Test
  void anIncludeBeatsAnExcludeOfTheSamePrefix() {
    InAppMatcher matcher = new InAppMatcher(asList("com.acme."), asList("com.acme."));

    assertThat(matcher.isInApp("com.acme.Service")).isTrue();
  }

  @Test
  void aMoreSpecificExcludeCarvesAPackageOutOfAnInclude() {
    InAppMatcher matcher = new InAppMatcher(asList("com.acme."), asList("com.acme.generated."));

    assertThat(matcher.isInApp("com.acme.Service")).isTrue();
    assertThat(matcher.isInApp("com.acme.generated.Stub")).isFalse();
  }

  @Test
  void userExcludesAddToTheDefaults() {
    InAppMatcher matcher = new InAppMatcher(emptyList(), asList("com.vendor."));

    assertThat(matcher.isInApp("com.vendor.Client")).isFalse();
    assertThat(matcher.isInApp("java.util.ArrayList")).isFalse();
    assertThat(matcher.isInApp("com.acme.Service")).isTrue();
  }

  @Test
  void blankPrefixesAreIgnoredRatherThanMatchingEverything() {
    InAppMatcher matcher = new InAppMatcher(asList(" ", ""), asList(""));

    assertThat(matcher.isInApp("com.acme.Service")).isTrue();
    assertThat(matcher.isInApp("java.lang.Thread")).isFalse();
  }

  @Test
  void readsTheOptions() {
    SentryOptions options =
        SentryOptions.builder()
            .addInAppInclude("com.acme.")
            .addInAppExclude("com.acme.gen.")
            .build();
    InAppMatcher matcher = InAppMatcher.of(options);

    assertThat(matcher.isInApp("com.acme.App")).isTrue();
    assertThat(matcher.isInApp("com.acme.gen.App")).isFalse();
    assertThat(matcher.isInApp("org.example.App")).isFalse();
  }

  @Test
  void answersAreCachedAndTheCacheIsBounded() {
    InAppMatcher matcher = new InAppMatcher(emptyList(), emptyList());

    matcher.isInApp("com.acme.A");
    matcher.isInApp("com.acme.A");
    assertThat(matcher.cacheSize()).isEqualTo(1);

    for (int i = 0; i < InAppMatcher.CACHE_LIMIT * 3; i++) {
      assertThat(matcher.isInApp("com.acme.Generated" + i)).isTrue();
    }
    assertThat(matcher.cacheSize()).isBetween(1, InAppMatcher.CACHE_LIMIT);
  }

  @Test
  void theDefaultExcludesAreTheLibrariesOwnNames() {
    assertThat(InAppMatcher.DEFAULT_EXCLUDES)
        .contains(
            "java.", "org.slf4j.", "okhttp3.", "okio.", "kotlin.", "kotlinx.", "net.bytebuddy.")
        .contains("io.sentryj.", "org.springframework.", "worker.org.gradle.")
        .allMatch(prefix -> prefix.endsWith(".") && !prefix.contains(" "))
        .doesNotHaveDuplicates();
    assertThat(InAppMatcher.SDK_PACKAGE).isEqualTo("io.sentryj.");
  }

  @Test
  void theSdksFramesBetweenTheApplicationsAreNeverInAppEvenWhenIncluded() {
    InAppMatcher matcher = new InAppMatcher(asList("io.sentryj."), emptyList());

    assertThat(InAppMatcher.isSdkFrame("io.sentryj.Sentry")).isTrue();
    assertThat(InAppMatcher.isSdkFrame("io.sentryj.Sentry$1")).isTrue();
    assertThat(InAppMatcher.isSdkFrame("io.sentryj.internal.scope.ContextCarrier$Carrying"))
        .isTrue();
    assertThat(InAppMatcher.isSdkFrame("io.sentryj.servlet.jakarta.SentryFilter")).isTrue();
    assertThat(InAppMatcher.isSdkFrame("io.sentryj.agent.SentryAgent")).isTrue();
    assertThat(InAppMatcher.isSdkFrame("io.sentryj.agent.instrumentation.executor.TaskCarrier$1"))
        .isTrue();
    assertThat(
            InAppMatcher.isSdkFrame("io.sentryj.agent.shaded.okhttp3.internal.connection.RealCall"))
        .isTrue();
    assertThat(matcher.isInApp("io.sentryj.agent.bootstrap.SentryBridge")).isFalse();
    assertThat(matcher.isInApp("io.sentryj.Sentry")).isFalse();

    // the SDK's users and tests that share its namespace are not the SDK
    assertThat(InAppMatcher.isSdkFrame("io.sentryj.SentryTest")).isFalse();
    assertThat(InAppMatcher.isSdkFrame("io.sentryj.samples.console.ConsoleSample")).isFalse();
    assertThat(InAppMatcher.isSdkFrame("io.sentryj.agent.it.apps.UncaughtInMain")).isFalse();
    assertThat(InAppMatcher.isSdkFrame("com.acme.Sentry")).isFalse();
    assertThat(matcher.isInApp("io.sentryj.SentryTest")).isTrue();
  }

  @Test
  void theApplicationsPackageIsInAppAheadOfTheFrameworksItLivesUnder() {
    InAppMatcher matcher =
        new InAppMatcher(emptyList(), emptyList(), "org.springframework.samples.petclinic.");

    assertThat(matcher.isInApp("org.springframework.samples.petclinic.owner.OwnerController"))
        .isTrue();
    assertThat(matcher.isInApp("org.springframework.web.servlet.DispatcherServlet")).isFalse();
    assertThat(matcher.isInApp("com.acme.shared.Money")).as("unknown stays in-app").isTrue();
    assertThat(matcher.isInApp("org.slf4j.Logger")).isFalse();
  }

  @Test
  void aConfiguredExcludeAsLongAsTheApplicationsPackageStillWins() {
    InAppMatcher matcher =
        new InAppMatcher(
            emptyList(), asList("com.acme.shop.generated.", "com.acme.shop."), "com.acme.shop.");

    assertThat(matcher.isInApp("com.acme.shop.generated.Stub")).isFalse();
    assertThat(matcher.isInApp("com.acme.shop.Cart")).isFalse();

    InAppMatcher shorter =
        new InAppMatcher(emptyList(), asList("org.springframework."), "org.springframework.s.");
    assertThat(shorter.isInApp("org.springframework.s.App")).isTrue();
  }

  @Test
  void configuredIncludesAloneSayWhereTheApplicationIs() {
    InAppMatcher matcher = new InAppMatcher(asList("com.acme."), emptyList(), "org.example.");

    assertThat(matcher.isInApp("org.example.Main")).isFalse();
    assertThat(matcher.isInApp("com.acme.Service")).isTrue();
  }
}
