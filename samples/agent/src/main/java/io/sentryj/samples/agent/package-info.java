/** The agent sample: an application with no Sentry code, for {@code -javaagent:}. */
package io.sentryj.samples.agent;
