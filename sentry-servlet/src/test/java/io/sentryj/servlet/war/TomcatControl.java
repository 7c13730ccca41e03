package io.sentryj.servlet.war;

import java.util.List;

/**
 * What a test does with one embedded Tomcat, whichever version: the harness implementing it runs in
 * that Tomcat's own class loader, and this interface, of JDK types only, is all the two share.
 */
public interface TomcatControl extends AutoCloseable {
  /** Starts Tomcat on a free port with the web application at {@code docBase}; returns the port. */
  int start(String baseDir, String docBase, String contextPath) throws Exception;

  /** The class loader of the web application as it runs now. */
  ClassLoader applicationLoader();

  /** Reloads the web application, as the manager's reload or a changed WAR does. */
  void reload();

  /** Stops the web application and removes it from the host, as an undeployment does. */
  void undeploy();

  /**
   * Tomcat's own verdict ({@code StandardHost.findReloadedContextMemoryLeaks}, the manager's "find
   * leaks"): the paths of stopped applications whose class loader is still reachable after a GC.
   */
  List<String> leakingApplications();

  /** Tomcat's name and version, for example {@code Apache Tomcat/10.1.62}. */
  String serverInfo();

  /** Stops and destroys Tomcat. */
  @Override
  void close() throws Exception;
}
