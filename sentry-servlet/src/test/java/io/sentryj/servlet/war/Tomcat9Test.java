package io.sentryj.servlet.war;

import io.sentryj.servlet.war.WebappFiles.Namespace;

/** The web application in Tomcat 9.0 (javax.servlet). */
class Tomcat9Test extends TomcatWebappContract {
  @Override
  String version() {
    return "9.0";
  }

  @Override
  Namespace namespace() {
    return Namespace.JAVAX;
  }
}
