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
}
