package io.sentryj.servlet.javax;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Sentry;
import io.sentryj.fakes.RecordingTransport;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EventListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.FilterRegistration;
import javax.servlet.ServletContext;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentryServletContainerInitializerTest {
  private final Map<String, String> parameters = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final List<EventListener> listeners = new ArrayList<>();
  private ClassLoader applicationLoader = getClass().getClassLoader();

  @AfterEach
  void closeSdk() {
    Sentry.close();
  }

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
  void theContextParameterTurnsRegistrationOffButTheSdkIsStillClosedAtTheStop() {
    parameters.put("io.sentryj.servlet.auto", "false");

    new SentryServletContainerInitializer().onStartup(null, context());

    assertThat(calls).containsExactly("addListener StopListener");
  }

  @Test
  void theSystemPropertyTurnsRegistrationOffForEveryApplication() {
    System.setProperty("sentryj.servlet.auto", "false");
    try {
      new SentryServletContainerInitializer().onStartup(null, context());
    } finally {
      System.clearProperty("sentryj.servlet.auto");
    }

    assertThat(calls).containsExactly("addListener StopListener");
  }

  @Test
  void anSdkSharedByTheServerIsNotClosedByAnApplicationsStop() {
    applicationLoader = new ClassLoader(getClass().getClassLoader()) {};

    new SentryServletContainerInitializer().onStartup(null, context());

    assertThat(calls).doesNotContain("addListener StopListener");
  }

  @Test
  void theStopListenerClosesTheSdkWithoutAskingTheContextAnything() {
    RecordingTransport transport = new RecordingTransport();
    Sentry.init(
        o ->
            o.externalConfiguration(false)
                .enableShutdownHook(false)
                .enableUncaughtExceptionHandler(false)
                .transportFactory(x -> transport));
    new SentryServletContainerInitializer().onStartup(null, context());
    ServletContextListener stop = (ServletContextListener) listeners.get(0);

    // what Tomcat hands a listener an initializer added: every configuration method refuses
    stop.contextDestroyed(new ServletContextEvent(refusingContext()));

    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(transport.isClosed()).isTrue();
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
                            arg instanceof Object[] array
                                ? java.util.Arrays.toString(array)
                                : String.valueOf(arg));
                  }
                  calls.add(call.toString());
                  return null;
                });
    return (ServletContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ServletContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getInitParameter" -> parameters.get((String) args[0]);
                  case "getClassLoader" -> applicationLoader;
                  case "addFilter" -> {
                    calls.add("addFilter " + args[0] + " " + ((Class<?>) args[1]).getSimpleName());
                    yield registration;
                  }
                  case "addListener" -> {
                    calls.add("addListener " + args[0].getClass().getSimpleName());
                    listeners.add((EventListener) args[0]);
                    yield null;
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private ServletContext refusingContext() {
    return (ServletContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ServletContext.class},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
