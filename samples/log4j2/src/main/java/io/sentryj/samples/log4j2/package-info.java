/** The Log4j 2 sample: Log4j API calls only, sent to Sentry by the appender in log4j2.xml. */
package io.sentryj.samples.log4j2;
