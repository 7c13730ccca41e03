package io.sentryj.benchmarks;

import java.io.IOException;

/** The throwable the capture benchmarks report: 40 frames and 2 causes, as a real service has. */
final class Throwables {
  private static final String[][] FRAMES = {
    {"com.example.shop.checkout.CheckoutService", "charge", "CheckoutService.java"},
    {"com.example.shop.checkout.CheckoutController", "submit", "CheckoutController.java"},
    {"org.springframework.web.servlet.FrameworkServlet", "service", "FrameworkServlet.java"},
    {"jakarta.servlet.http.HttpServlet", "service", "HttpServlet.java"},
    {"org.eclipse.jetty.ee10.servlet.ServletHolder", "handle", "ServletHolder.java"},
    {"org.eclipse.jetty.server.Server", "handle", "Server.java"},
    {"java.util.concurrent.ThreadPoolExecutor", "runWorker", "ThreadPoolExecutor.java"},
    {"java.lang.Thread", "run", "Thread.java"},
  };

  private Throwables() {}

  static Throwable withCauses() {
    IOException root = new IOException("connection reset by payment gateway");
    root.setStackTrace(frames(40, 0));
    IllegalStateException middle = new IllegalStateException("payment failed", root);
    middle.setStackTrace(frames(40, 1));
    RuntimeException top = new RuntimeException("checkout failed for order 1234", middle);
    top.setStackTrace(frames(40, 2));
    return top;
  }

  private static StackTraceElement[] frames(int count, int salt) {
    StackTraceElement[] elements = new StackTraceElement[count];
    for (int i = 0; i < count; i++) {
      String[] f = FRAMES[(i + salt) % FRAMES.length];
      elements[i] = new StackTraceElement(f[0], f[1] + i, f[2], 10 + i * 7);
    }
    return elements;
  }
}
