package io.sentryj.servlet.javax;

import io.sentryj.Sentry;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.servlet.AsyncContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The application under test, in Jetty's servlet contexts and in the web application that {@code
 * WebappFiles} deploys to Tomcat and Jetty; its jakarta twin is generated from this source.
 * Requests name themselves with {@code X-Id}: the id becomes a tag and a breadcrumb of the
 * request's scope.
 */
public class TestApp extends HttpServlet {
  /** Requests with {@code X-Together} wait here until that many have arrived. */
  public static volatile CountDownLatch together = new CountDownLatch(0);

  /** How long an async request may wait before the container ends it. */
  static final long ASYNC_TIMEOUT_MILLIS = 500;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    String id = req.getHeader("X-Id");
    if (id != null) {
      Sentry.setTag("id", id);
      Sentry.addBreadcrumb("crumb-" + id);
    }
    if (req.getHeader("X-Together") != null) {
      together.countDown();
      try {
        together.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String path = req.getServletPath();
    switch (path) {
      case "/fail" -> throw new IllegalStateException("boom " + id);
      case "/echo" -> echo(req, resp);
      case "/form" ->
          throw new IllegalArgumentException("bad form from " + req.getParameter("name"));
      case "/orders" -> {
        req.setAttribute(
            "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern", "/orders/{id}");
        throw new IllegalStateException("no such order " + req.getPathInfo());
      }
      case "/status" -> resp.setStatus(502);
      case "/message" -> {
        Sentry.captureMessage("hello from " + id);
        resp.setStatus(204);
      }
      case "/async" -> captureInTask(req, id);
      case "/async-fail" -> failInTask(req, id, "complete".equals(req.getParameter("mode")));
      case "/async-timeout" -> req.startAsync().setTimeout(ASYNC_TIMEOUT_MILLIS); // never completed
      case "/redispatch" -> req.startAsync().dispatch("/fail/" + id);
      case "/forward" -> req.getRequestDispatcher("/fail/" + id).forward(req, resp);
      default -> resp.setStatus(404);
    }
  }

  /** Work given to {@code AsyncContext.start} that reports an exception and completes. */
  private static void captureInTask(HttpServletRequest req, String id) {
    AsyncContext async = req.startAsync();
    async.start(
        () -> {
          Sentry.addBreadcrumb("async-" + id + "-on-" + Thread.currentThread().getName());
          Sentry.captureException(new IllegalStateException("async " + id));
          ((HttpServletResponse) async.getResponse()).setStatus(202);
          async.complete();
        });
  }

  /**
   * Work given to {@code AsyncContext.start} that fails: after completing the request, or leaving
   * it to the container's async timeout.
   */
  private static void failInTask(HttpServletRequest req, String id, boolean complete) {
    AsyncContext async = req.startAsync();
    async.setTimeout(ASYNC_TIMEOUT_MILLIS);
    async.start(
        () -> {
          Sentry.addBreadcrumb("task-" + id);
          if (complete) {
            async.complete();
          }
          throw new IllegalStateException("task failed " + id);
        });
  }

  private static void echo(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String body;
    if (req.getParameter("reader") != null) {
      StringBuilder sb = new StringBuilder();
      BufferedReader reader = req.getReader();
      char[] buffer = new char[7]; // small reads, so the copy is made across many calls
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        sb.append(buffer, 0, n);
      }
      body = sb.toString();
    } else {
      InputStream in = req.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        out.write(b);
      }
      body = new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
    if (req.getHeader("X-Fail") != null) {
      throw new IllegalStateException("failed after reading " + body.length() + " chars");
    }
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().write(body);
  }
}
