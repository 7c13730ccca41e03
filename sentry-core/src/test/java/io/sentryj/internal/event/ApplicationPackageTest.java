package io.sentryj.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationPackageTest {
  @TempDir Path dir;

  @Test
  void theMainClassOnTheCommandLineGivesItsPackage() {
    ApplicationPackage app = fromCommand("com.acme.shop.ShopApplication --port=8080");

    assertThat(app.prefix()).isEqualTo("com.acme.shop.");
    assertThat(app.source()).isEqualTo("main class com.acme.shop.ShopApplication");
  }

  @Test
  void aModulesMainClassGivesItsPackage() {
    assertThat(fromCommand("com.acme.shop/com.acme.shop.Main").prefix())
        .isEqualTo("com.acme.shop.");
  }

  @Test
  void aSpringBootJarGivesItsStartClassNotItsLauncher() throws IOException {
    Path jar =
        jar(
            "petclinic 4.0.jar",
            "org.springframework.boot.loader.launch.JarLauncher",
            "org.springframework.samples.petclinic.PetClinicApplication");

    ApplicationPackage app = fromCommand(jar + " --server.port=0");

    assertThat(app.prefix()).isEqualTo("org.springframework.samples.petclinic.");
    assertThat(app.source()).isEqualTo("Start-Class of " + jar);
  }

  @Test
  void aPlainJarGivesItsMainClass() throws IOException {
    Path jar = jar("tool.jar", "com.acme.tool.Cli", null);

    ApplicationPackage app = fromCommand(jar.toString());

    assertThat(app.prefix()).isEqualTo("com.acme.tool.");
    assertThat(app.source()).isEqualTo("Main-Class of " + jar);
  }

  @Test
  void anExplodedSpringBootApplicationGivesTheStartClassOfItsManifest() throws IOException {
    Path jar = jar("exploded.jar", "org.springframework.boot.loader.launch.JarLauncher", "x.y.App");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      ApplicationPackage app =
          ApplicationPackage.fromCommand(
              "org.springframework.boot.loader.launch.JarLauncher", loader);

      assertThat(app.prefix()).isEqualTo("x.y.");
    }
  }

  @Test
  void launchersTheDefaultPackageAndPackagesNoNarrowerThanALibrarysAreNotTaken() {
    assertThat(fromCommand("org.apache.catalina.startup.Bootstrap start")).isNull();
    assertThat(fromCommand("org.eclipse.jetty.start.Main")).isNull();
    assertThat(fromCommand("org.apache.maven.surefire.booter.ForkedBooter x")).isNull();
    assertThat(fromCommand("Main")).isNull();
    assertThat(fromCommand("com.Main")).as("com. holds com.google.").isNull();
    assertThat(fromCommand("org.springframework.Main")).isNull();
    assertThat(fromCommand("io.sentryj.agent.SentryAgent doctor")).isNull();
    assertThat(fromCommand("")).isNull();
    assertThat(ApplicationPackage.fromCommand(null, getClass().getClassLoader())).isNull();
  }

  @Test
  void aJarWithoutAManifestOrAMissingJarGivesNothingAndNeverThrows() throws IOException {
    Path bare = dir.resolve("bare.jar");
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(bare))) {
      out.flush();
    }

    assertThat(fromCommand(bare.toString())).isNull();
    assertThat(fromCommand(dir.resolve("missing.jar").toString())).isNull();
  }

  private ApplicationPackage fromCommand(String command) {
    return ApplicationPackage.fromCommand(command, getClass().getClassLoader());
  }

  private Path jar(String name, String mainClass, String startClass) throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, mainClass);
    if (startClass != null) {
      attributes.putValue("Start-Class", startClass);
    }
    Path jar = dir.resolve(name);
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    return jar;
  }
}
