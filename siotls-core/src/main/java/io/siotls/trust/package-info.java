/**
 * Peer authentication: trust stores that validate a certificate chain with the JDK's PKIX
 * implementation (RFC 5280, RFC 8446 §4.4.2), and hostname verification (RFC 9525 §6.3).
 * Failures are the alert exceptions of {@link io.siotls.alerts}.
 */
package io.siotls.trust;
