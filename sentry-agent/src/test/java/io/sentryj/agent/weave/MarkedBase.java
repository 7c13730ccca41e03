package io.sentryj.agent.weave;

/** A superclass that implements {@link WeaverTest.Marker}, for the supertype check. */
public abstract class MarkedBase implements WeaverTest.Marker {
  public String mark() {
    return "base";
  }
}
