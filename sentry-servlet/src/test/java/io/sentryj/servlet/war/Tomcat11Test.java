package io.sentryj.servlet.war;

import io.sentryj.servlet.war.WebappFiles.Namespace;

/** The web application in Tomcat 11.0 (jakarta.servlet). */
class Tomcat11Test extends TomcatWebappContract {
  @Override
  String version() {
    return "11.0";
  }

  @Override
  Namespace namespace() {
    return Namespace.JAKARTA;
  }
}
