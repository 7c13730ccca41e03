package io.sentryj.servlet.war;

import io.sentryj.servlet.war.WebappFiles.Namespace;

/** The web application in Tomcat 10.1 (jakarta.servlet). */
class Tomcat10Test extends TomcatWebappContract {
  @Override
  String version() {
    return "10.1";
  }

  @Override
  Namespace namespace() {
    return Namespace.JAKARTA;
  }
}
