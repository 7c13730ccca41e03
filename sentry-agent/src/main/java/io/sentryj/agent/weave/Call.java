package io.sentryj.agent.weave;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A static method of a bridge that woven code calls, and what it passes. */
public final class Call {
  final String owner;
  final String name;
  final String descriptor;
  final List<Value> values;

  /**
   * A call of {@code owner.name:descriptor} (internal names, such as {@code
   * io/sentryj/agent/bootstrap/LogBridge}), passing {@code values} in order.
   */
  public Call(String owner, String name, String descriptor, Value... values) {
    this.owner = owner;
    this.name = name;
    this.descriptor = descriptor;
    this.values = Collections.unmodifiableList(Arrays.asList(values.clone()));
  }

  @Override
  public String toString() {
    return owner.substring(owner.lastIndexOf('/') + 1) + '.' + name + values;
  }
}
