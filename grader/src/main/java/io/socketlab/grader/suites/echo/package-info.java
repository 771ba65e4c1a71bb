/** Conformance tests of the {@code echo} exercise (specs/echo.md): TCP and UDP echo, RFC 862. */
package io.socketlab.grader.suites.echo;
