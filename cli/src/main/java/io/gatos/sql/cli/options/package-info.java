/**
 * Declares what several commands share on their command lines: the {@code --repo} and {@code
 * --no-cache} options, converters for durations, lower-case enums and export formats, and the
 * {@code --version} text read from the jar manifest.
 */
package io.gatos.sql.cli.options;
