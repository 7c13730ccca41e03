package io.sentryj.servlet.undeploy;

import io.sentryj.Sentry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The application's servlet: records a breadcrumb and fails, so every part of the SDK runs. */
public class WebappServlet extends HttpServlet {
  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) {
    Sentry.addBreadcrumb("undeploy test");
    throw new IllegalStateException("failing in " + req.getContextPath());
  }
}
