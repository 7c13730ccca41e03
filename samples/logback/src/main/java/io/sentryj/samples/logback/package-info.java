/** The Logback sample: SLF4J calls only, sent to Sentry by the appender in logback.xml. */
package io.sentryj.samples.logback;
