package io.sentryj.agent.weave;

/** A class whose supertype is found only by reading its superclass's class file. */
public class Marked extends MarkedBase {
  @Override
  public String mark() {
    return "marked";
  }
}
