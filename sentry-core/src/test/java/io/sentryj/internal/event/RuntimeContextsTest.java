package io.sentryj.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeContextsTest {

  @Test
  void theRealContextsDescribeThisJvm() {
    Map<String, Object> os = RuntimeContexts.os();
    Map<String, Object> runtime = RuntimeContexts.runtime();

    assertThat(os).containsEntry("name", System.getProperty("os.name"));
    assertThat(os).containsEntry("version", System.getProperty("os.version"));
    assertThat(os.get("raw_description")).asString().contains(System.getProperty("os.arch"));
    assertThat(runtime).containsEntry("version", System.getProperty("java.version"));
    assertThat(runtime.get("name")).asString().isNotBlank();
    assertThat(runtime.get("raw_description"))
        .asString()
        .contains(System.getProperty("java.vm.name"));
  }

  @Test
  void theContextsAreComputedOnceAndCannotBeChanged() {
    assertThat(RuntimeContexts.os()).isSameAs(RuntimeContexts.os());
    assertThat(RuntimeContexts.runtime()).isSameAs(RuntimeContexts.runtime());
    assertThat(RuntimeContexts.os()).isUnmodifiable();
    assertThat(RuntimeContexts.runtime()).isUnmodifiable();
  }

  @Test
  void onLinuxTheOsVersionIsTheKernelVersion() {
    Map<String, String> props = new HashMap<>();
    props.put("os.name", "Linux");
    props.put("os.version", "6.1.0-18-amd64");
    props.put("os.arch", "amd64");

    Map<String, Object> os = RuntimeContexts.os(props::get);

    assertThat(os)
        .containsExactly(
            entry("name", "Linux"),
            entry("version", "6.1.0-18-amd64"),
            entry("kernel_version", "6.1.0-18-amd64"),
            entry("raw_description", "Linux 6.1.0-18-amd64 amd64"));
  }

  @Test
  void elsewhereThereIsNoKernelVersion() {
    Map<String, String> props = new HashMap<>();
    props.put("os.name", "Mac OS X");
    props.put("os.version", "14.5");

    Map<String, Object> os = RuntimeContexts.os(props::get);

    assertThat(os).doesNotContainKey("kernel_version").containsEntry("version", "14.5");
  }

  @Test
  void hiddenPropertiesAreLeftOutAndTheRuntimeStillHasAName() {
    Map<String, Object> os = RuntimeContexts.os(key -> null);
    Map<String, Object> runtime = RuntimeContexts.runtime(key -> null);

    assertThat(os).isEmpty();
    assertThat(runtime).containsExactly(entry("name", "Java"));
  }

  @Test
  void theRuntimeNamesVendorAndVm() {
    Map<String, String> props = new HashMap<>();
    props.put("java.runtime.name", "OpenJDK Runtime Environment");
    props.put("java.version", "17.0.15");
    props.put("java.runtime.version", "17.0.15+6");
    props.put("java.vendor", "Eclipse Adoptium");
    props.put("java.vm.name", "OpenJDK 64-Bit Server VM");
    props.put("java.vm.version", "17.0.15+6");

    Map<String, Object> runtime = RuntimeContexts.runtime(props::get);

    assertThat(runtime)
        .containsExactly(
            entry("name", "OpenJDK Runtime Environment"),
            entry("version", "17.0.15"),
            entry("build", "17.0.15+6"),
            entry("raw_description", "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.15+6"));
  }
}
