package org.acme.shop;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.InputStream;

/**
 * The shop's main, as a Quarkus application with a main of its own writes it. For the tests: it
 * ends when its standard input closes.
 */
@QuarkusMain
public class ShopMain {
  public static void main(String... args) {
    Quarkus.run(Shop.class, args);
  }

  /** Runs until the end of standard input. */
  public static class Shop implements QuarkusApplication {
    @Override
    public int run(String... args) throws IOException {
      InputStream in = System.in;
      while (in.read() != -1) {
        // wait for the end of input
      }
      return 0;
    }
  }
}
