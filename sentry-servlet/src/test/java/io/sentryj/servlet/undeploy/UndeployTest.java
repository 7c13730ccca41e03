package io.sentryj.servlet.undeploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deploys and undeploys, ten times in one Jetty, a web application that bundles sentryj (its own
 * copy of the SDK classes, loaded child-first as a container does) and starts it. Afterwards no SDK
 * thread may run and every application class loader must be collectable.
 */
class UndeployTest {
  private static final int DEPLOYS = 10;

  private Server server;
  private ContextHandlerCollection contexts;
  private int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startJetty() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(0);
    server.addConnector(connector);
    contexts = new ContextHandlerCollection();
    server.setHandler(contexts);
    server.start();
    port = connector.getLocalPort();
  }

  @AfterEach
  void stopJetty() throws Exception {
    server.stop();
  }

  @Test
  void undeployingStopsEverySdkThreadAndReleasesTheClassLoader() throws Exception {
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    for (int i = 0; i < DEPLOYS; i++) {
      loaders.add(deployUseAndUndeploy("/app" + i));
    }

    assertThat(awaitNoSdkThreads()).as("SDK threads still alive").isEmpty();
    // Jetty holds on to the last context it served (and its loader) until it serves another:
    // serve one that has nothing of the SDK, so that only the SDK's own leaks remain to be seen
    ServletContextHandler plain = new ServletContextHandler("/plain");
    plain.addServlet(new ServletHolder(new jakarta.servlet.http.HttpServlet() {}), "/*");
    contexts.addHandler(plain);
    plain.start();
    assertThat(get("/plain/x").statusCode()).isEqualTo(405);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (anyAlive(loaders) && System.nanoTime() < deadline) {
      System.gc();
      byte[][] pressure = new byte[64][];
      for (int k = 0; k < pressure.length; k++) {
        pressure[k] = new byte[64 * 1024];
      }
    }
    for (int i = 0; i < loaders.size(); i++) {
      assertThat(loaders.get(i).get()).as("class loader of /app%d", i).isNull();
    }
  }

  private WeakReference<ClassLoader> deployUseAndUndeploy(String path) throws Exception {
    ClassLoader loader = new WebappClassLoader(classPath(), UndeployTest.class.getClassLoader());
    ServletContextHandler context = new ServletContextHandler(path);
    context.setClassLoader(loader);
    context.addServletContainerInitializer(
        (ServletContainerInitializer)
            instance(loader, "io.sentryj.servlet.jakarta.SentryServletContainerInitializer"));
    context.addEventListener(
        (ServletContextListener) instance(loader, WebappStartup.class.getName()));
    context.addServlet(
        new ServletHolder((HttpServlet) instance(loader, WebappServlet.class.getName())), "/*");
    contexts.addHandler(context);
    context.start();
    assertThat(loader.loadClass("io.sentryj.Sentry")).isNotSameAs(io.sentryj.Sentry.class);

    for (int r = 0; r < 3; r++) {
      assertThat(get(path + "/x").statusCode()).isEqualTo(500);
    }
    assertThat(sdkThreads()).as("the application's SDK runs its threads").isNotEmpty();

    context.stop();
    contexts.removeHandler(context);
    context.destroy();
    return new WeakReference<>(loader);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Object instance(ClassLoader loader, String name) throws Exception {
    return loader.loadClass(name).getConstructor().newInstance();
  }

  private static URL[] classPath() throws Exception {
    Path servletClasses = Paths.get("target/classes");
    Path testClasses = Paths.get("target/test-classes");
    Path coreClasses = Paths.get("../sentry-core/target/classes");
    Path gson =
        Paths.get(
            com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return new URL[] {
      servletClasses.toUri().toURL(),
      coreClasses.toUri().toURL(),
      testClasses.toUri().toURL(),
      gson.toUri().toURL()
    };
  }

  private static List<Thread> awaitNoSdkThreads() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<Thread> alive = sdkThreads();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      alive = sdkThreads();
    }
    return alive;
  }

  private static List<Thread> sdkThreads() {
    List<Thread> threads = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("sentryj-") && t.isAlive()) {
        threads.add(t);
      }
    }
    return threads;
  }

  private static boolean anyAlive(List<WeakReference<ClassLoader>> loaders) {
    for (WeakReference<ClassLoader> ref : loaders) {
      if (ref.get() != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * A web application's class loader: its own classes first (the SDK, Gson and the application),
   * everything else (the JDK, the servlet API) from the container, as Jetty and Tomcat do.
   */
  private static final class WebappClassLoader extends URLClassLoader {
    WebappClassLoader(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("io.sentryj.") && !name.startsWith("com.google.gson.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
