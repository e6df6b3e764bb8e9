/**
 * Maps the embedded driver's tables onto Avatica's HTTP protocol ({@code gatos serve}): a {@code
 * JdbcMeta} that allow-lists client properties and enforces the server's limits, a Jetty server
 * bound to loopback unless told otherwise, with health checks, optional Basic authentication and
 * TLS, and a graceful stop.
 */
package io.gatos.sql.server;
