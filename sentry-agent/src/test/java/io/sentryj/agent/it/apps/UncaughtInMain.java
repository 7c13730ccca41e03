package io.sentryj.agent.it.apps;

/** An application whose main thread dies of an exception. */
public final class UncaughtInMain {
  private UncaughtInMain() {}

  @SuppressWarnings("DoNotCallSuggester") // the application the test runs: main must throw
  public static void main(String[] args) {
    throw new IllegalStateException("boom in main");
  }
}
