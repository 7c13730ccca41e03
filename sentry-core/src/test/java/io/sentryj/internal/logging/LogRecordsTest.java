package io.sentryj.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRecordsTest {
  @Test
  void julMessagesAreFormattedOnlyWithParametersAndAPlaceholder() {
    assertThat(LogRecords.formatJul("stock low for {0}", new Object[] {"apples"}))
        .isEqualTo("stock low for apples");
    assertThat(LogRecords.formatJul("50% off {x}", new Object[] {"apples"}))
        .isEqualTo("50% off {x}");
    assertThat(LogRecords.formatJul("plain", null)).isEqualTo("plain");
    assertThat(LogRecords.formatJul(null, null)).isNull();
  }

  @Test
  void aLastParameterThatIsTheRecordsThrowableIsNotAParameterOfTheMessage() {
    RuntimeException declined = new RuntimeException("declined");
    Object[] log4j = {"cust-9", 42, declined};

    assertThat(LogRecords.parameters(log4j, declined)).containsExactly("cust-9", 42);
    assertThat(LogRecords.parameters(new Object[] {"cust-9", declined}, new RuntimeException()))
        .as("another throwable is a parameter like any")
        .hasSize(2);
    assertThat(LogRecords.parameters(log4j, null)).isSameAs(log4j);
    assertThat(LogRecords.parameters(null, declined)).isNull();
  }

  @Test
  void loggersUnderTheSdksPackageAreTheSdksOwn() {
    assertThat(LogRecords.isSdkOwn(String.join(".", "io", "sentryj", "diagnostics"))).isTrue();
    assertThat(LogRecords.isSdkOwn("com.shop.orders")).isFalse();
    assertThat(LogRecords.isSdkOwn(null)).isFalse();
  }

  @Test
  void withoutALoggingFrameTheCallersStackIsTheWholeStack() {
    StackTraceElement[] stack = LogRecords.callerData();

    assertThat(stack[0].getMethodName()).isEqualTo("callerData");
    assertThat(stack[1].getMethodName())
        .isEqualTo("withoutALoggingFrameTheCallersStackIsTheWholeStack");
  }
}
