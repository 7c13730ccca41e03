package io.sentryj.servlet.war.harness;

import io.sentryj.servlet.war.TomcatControl;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.catalina.Context;
import org.apache.catalina.core.JreMemoryLeakPreventionListener;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Drives one embedded Tomcat. Compiled against Tomcat 10.1 but loaded by each version's own class
 * loader, so it calls only what Tomcat 9, 10.1 and 11 share and what names no servlet type.
 */
public final class TomcatHarness implements TomcatControl {
  private final Tomcat tomcat = new Tomcat();
  private Context context;

  /** A harness; nothing starts until {@link #start}. */
  public TomcatHarness() {}

  @Override
  public int start(String baseDir, String docBase, String contextPath) throws Exception {
    return inTomcat(
        () -> {
          tomcat.setBaseDir(baseDir);
          tomcat.setPort(0);
          tomcat.setAddDefaultWebXmlToWebapp(false);
          // the JVM takes one URL handler factory, ever: the first Tomcat of the test JVM would
          // hold it, and every later one fail to start
          TomcatURLStreamHandlerFactory.disable();
          // as the server.xml Tomcat ships with
          tomcat.getServer().addLifecycleListener(new JreMemoryLeakPreventionListener());
          // applications see this Tomcat's servlet API, not whatever the system class path holds
          tomcat.getServer().setParentClassLoader(TomcatHarness.class.getClassLoader());
          // no periodic work on the application: run while a reload stops it, it would make
          // Tomcat count its own utility thread among the application's
          tomcat.getEngine().setBackgroundProcessorDelay(-1);
          context = tomcat.addWebapp(contextPath, docBase);
          StandardJarScanner scanner = new StandardJarScanner();
          scanner.setScanManifest(false); // the libraries' Class-Path entries name jars not there
          context.setJarScanner(scanner);
          tomcat.getConnector(); // the default connector, on the port set above
          tomcat.start();
          return tomcat.getConnector().getLocalPort();
        });
  }

  @Override
  public ClassLoader applicationLoader() {
    return context.getLoader().getClassLoader();
  }

  @Override
  public void reload() {
    run(context::reload);
  }

  @Override
  public void undeploy() {
    run(() -> tomcat.getHost().removeChild(context));
  }

  @Override
  public List<String> leakingApplications() {
    return inTomcatUnchecked(
        () -> Arrays.asList(((StandardHost) tomcat.getHost()).findReloadedContextMemoryLeaks()));
  }

  @Override
  public String serverInfo() {
    return ServerInfo.getServerInfo();
  }

  @Override
  public void close() throws Exception {
    inTomcat(
        () -> {
          tomcat.stop();
          tomcat.destroy();
          return null;
        });
  }

  private void run(Runnable action) {
    inTomcatUnchecked(
        () -> {
          action.run();
          return null;
        });
  }

  private static <T> T inTomcatUnchecked(Callable<T> action) {
    try {
      return inTomcat(action);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs with Tomcat's class loader as the context one, as its own start-up classes do. */
  private static <T> T inTomcat(Callable<T> action) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(TomcatHarness.class.getClassLoader());
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Override
  public String toString() {
    return "TomcatHarness{" + serverInfo() + '}';
  }
}
