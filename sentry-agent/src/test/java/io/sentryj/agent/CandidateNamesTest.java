package io.sentryj.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import org.junit.jupiter.api.Test;

class CandidateNamesTest {
  private static final AgentInstaller.CandidateNames ALL =
      AgentInstaller.CandidateNames.of(AgentInstaller.instrumentations());

  @Test
  void acceptsEveryTypeTheInstrumentationsChange() {
    for (String name :
        new String[] {
          "java.lang.Thread",
          "java.lang.VirtualThread",
          "java.util.concurrent.ThreadPoolExecutor",
          "java.util.concurrent.ScheduledThreadPoolExecutor",
          "java.util.concurrent.ForkJoinPool",
          "java.util.concurrent.AbstractExecutorService",
          "ch.qos.logback.classic.Logger",
          "org.apache.logging.log4j.core.config.LoggerConfig",
          "java.util.logging.Logger",
          "sun.net.www.protocol.http.HttpURLConnection",
          "jdk.internal.net.http.HttpClientImpl",
          "org.apache.http.impl.client.InternalHttpClient",
          "org.apache.hc.client5.http.impl.classic.InternalHttpClient",
          "okhttp" + "3.OkHttpClient$Builder",
          "org.h2.jdbc.JdbcStatement",
          "org.h2.jdbc.JdbcPreparedStatement",
          "org.h2.jdbc.JdbcConnection",
          "com.zaxxer.hikari.pool.HikariProxyConnection",
          "javax.servlet.http.HttpServlet",
          "jakarta.servlet.http.HttpServlet"
        }) {
      assertThat(ALL.accepts(name)).as(name).isTrue();
    }
  }

  @Test
  void rejectsTheRest() {
    for (String name :
        new String[] {
          "org.eclipse.jetty.server.Server",
          "java.lang.String",
          "java.util.HashMap",
          "ch.qos.logback.core.ConsoleAppender",
          "com.example.App"
        }) {
      assertThat(ALL.accepts(name)).as(name).isFalse();
    }
  }

  @Test
  void onlyTheEnabledInstrumentationsCount() {
    List<AgentInstrumentation> servletOnly = new ArrayList<>();
    for (AgentInstrumentation each : AgentInstaller.instrumentations()) {
      if (each.name().equals("servlet")) {
        servletOnly.add(each);
      }
    }
    AgentInstaller.CandidateNames names = AgentInstaller.CandidateNames.of(servletOnly);
    assertThat(names.accepts("jakarta.servlet.http.HttpServlet")).isTrue();
    assertThat(names.accepts("java.lang.Thread")).isFalse();
  }

  @Test
  void anInstrumentationItDoesNotKnowMakesEveryNameACandidate() {
    AgentInstrumentation unknown =
        new AgentInstrumentation() {
          @Override
          public String name() {
            return "something-new";
          }

          @Override
          public AgentBuilder extend(AgentBuilder builder) {
            return builder;
          }
        };
    AgentInstaller.CandidateNames names =
        AgentInstaller.CandidateNames.of(Collections.singletonList(unknown));
    assertThat(
            names.matches(
                net.bytebuddy.description.type.TypeDescription.ForLoadedType.of(String.class)))
        .isTrue();
  }
}
