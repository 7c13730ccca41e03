package io.sentryj.servlet.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentryServletContainerInitializerTest {
  private final Map<String, String> parameters = new HashMap<>();
  private final List<String> calls = new ArrayList<>();

  @Test
  void registersTheFilterFirstOnEveryPathForRequestsAndAsyncDispatches() {
    new SentryServletContainerInitializer().onStartup(null, context());

    assertThat(calls)
        .containsExactly(
            "addFilter sentryj SentryFilter",
            "setAsyncSupported true",
            "addMappingForUrlPatterns [REQUEST, ASYNC] false [/*]",
            "addListener StopListener");
  }

  @Test
  void theContextParameterTurnsRegistrationOff() {
    parameters.put("io.sentryj.servlet.auto", "false");

    new SentryServletContainerInitializer().onStartup(null, context());

    assertThat(calls).isEmpty();
  }

  @Test
  void theSystemPropertyTurnsRegistrationOffForEveryApplication() {
    System.setProperty("sentryj.servlet.auto", "false");
    try {
      new SentryServletContainerInitializer().onStartup(null, context());
    } finally {
      System.clearProperty("sentryj.servlet.auto");
    }

    assertThat(calls).isEmpty();
  }

  private ServletContext context() {
    FilterRegistration.Dynamic registration =
        (FilterRegistration.Dynamic)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {FilterRegistration.Dynamic.class},
                (proxy, method, args) -> {
                  StringBuilder call = new StringBuilder(method.getName());
                  for (Object arg : args) {
                    call.append(' ')
                        .append(
                            arg instanceof Object[]
                                ? java.util.Arrays.toString((Object[]) arg)
                                : String.valueOf(arg));
                  }
                  calls.add(call.toString());
                  return null;
                });
    return (ServletContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ServletContext.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getInitParameter":
                  return parameters.get((String) args[0]);
                case "addFilter":
                  calls.add("addFilter " + args[0] + " " + ((Class<?>) args[1]).getSimpleName());
                  return registration;
                case "addListener":
                  calls.add("addListener " + args[0].getClass().getSimpleName());
                  return null;
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }
}
