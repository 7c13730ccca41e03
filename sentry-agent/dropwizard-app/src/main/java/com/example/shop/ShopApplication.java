package com.example.shop;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.server.NetworkConnector;

/**
 * A shop, as Dropwizard applications are written: a Jersey resource, a service, Logback through
 * SLF4J, configured from a YAML file. For the tests: it prints {@code port=N} once it listens, and
 * ends when its standard input closes.
 */
public class ShopApplication extends Application<Configuration> {
  public static void main(String[] args) throws Exception {
    new ShopApplication().run(args);
  }

  @Override
  public void run(Configuration configuration, Environment environment) {
    environment.jersey().register(new OrderResource(new OrderService()));
    environment
        .lifecycle()
        .addServerLifecycleListener(
            server -> {
              for (var connector : server.getConnectors()) {
                if (connector instanceof NetworkConnector network) {
                  System.out.println("port=" + network.getLocalPort());
                }
              }
              Thread watcher = new Thread(ShopApplication::exitAtEndOfInput, "input-watcher");
              watcher.setDaemon(true);
              watcher.start();
            });
  }

  private static void exitAtEndOfInput() {
    InputStream in = System.in;
    try {
      while (in.read() != -1) {
        // wait for the end of input
      }
    } catch (IOException e) {
      // ends as at the end of input
    }
    System.exit(0);
  }
}
