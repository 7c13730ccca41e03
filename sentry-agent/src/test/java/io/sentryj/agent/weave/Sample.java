package io.sentryj.agent.weave;

/** Methods of the shapes the agent weaves into, for {@link WeaverTest}. Not woven where it is. */
public class Sample {
  private final String name;

  public Sample() {
    this.name = "none";
  }

  public Sample(String name, Runnable target) {
    this.name = name;
    target.run();
  }

  public String greet(String whom) {
    if (whom.isEmpty()) {
      throw new IllegalArgumentException("nobody to greet");
    }
    return name + " greets " + whom;
  }

  /** Two longs before the string, so that the argument's slot is not its index. */
  public int parse(long first, long second, String number) {
    try {
      return Integer.parseInt(number) + (int) (first + second);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public static void runTwice(Runnable task) {
    task.run();
    task.run();
  }

  public void quietly() {}
}
