package io.sentryj.agent.it.apps;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs without an agent until told to go on standard input; then a worker dies of an exception,
 * which an agent attached in the meantime captures.
 */
public final class AttachTarget {
  private AttachTarget() {}

  public static void main(String[] args) throws Exception {
    System.out.println("ready");
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (in.readLine() == null) {
      return;
    }
    Thread worker =
        new Thread(
            () -> {
              throw new IllegalStateException("boom after attach");
            },
            "late-worker");
    worker.start();
    worker.join();
  }
}
