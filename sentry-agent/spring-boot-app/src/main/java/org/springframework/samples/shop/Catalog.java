package org.springframework.samples.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Loads the catalog at start-up, logging each entry as a schema script's statements would be. */
@Component
public class Catalog {
  static final int ENTRIES = 40;

  private static final Logger log = LoggerFactory.getLogger(Catalog.class);

  private final boolean failAtStart;

  public Catalog(@Value("${shop.fail-at-start:false}") boolean failAtStart) {
    this.failAtStart = failAtStart;
  }

  void load() {
    for (int i = 0; i < ENTRIES; i++) {
      log.info("loading catalog entry {}", i);
    }
    if (failAtStart) {
      throw new IllegalStateException("the catalog could not be loaded");
    }
  }
}
