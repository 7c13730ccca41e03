package org.springframework.samples.shop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A shop, as Spring Boot applications are written: controllers, a service, Logback through SLF4J,
 * and a start that logs (a catalog loaded line by line, as {@code data.sql} statements would be).
 * It lives under {@code org.springframework.}, as Spring's own sample applications do, where the
 * agent's default in-app excludes would put it were the application's package not detected.
 *
 * <p>For the tests: it prints {@code port=N} once it listens, ends when its standard input closes,
 * and fails its start with {@code --shop.fail-at-start=true}.
 */
@SpringBootApplication
public class ShopApplication {
  public static void main(String[] args) {
    ConfigurableApplicationContext context = SpringApplication.run(ShopApplication.class, args);
    Thread watcher =
        new Thread(
            () -> {
              awaitEndOfInput();
              System.exit(SpringApplication.exit(context));
            },
            "stdin-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void awaitEndOfInput() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      while (in.readLine() != null) {
        // nothing to read: the end of input is the signal
      }
    } catch (IOException e) {
      // ends too
    }
  }

  @Bean
  ApplicationRunner loadCatalog(Catalog catalog) {
    return args -> catalog.load();
  }

  @Bean
  ApplicationListener<WebServerInitializedEvent> printPort() {
    return event -> {
      System.out.println("port=" + event.getWebServer().getPort());
      System.out.flush();
    };
  }
}
