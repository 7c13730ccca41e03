/** The java.util.logging sample: JDK logging calls only, sent to Sentry by logging.properties. */
package io.sentryj.samples.jul;
