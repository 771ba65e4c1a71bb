/** Conformance tests of the {@code sockets} exercise (specs/sockets.md): basic request/response over TCP. */
package io.socketlab.grader.suites.sockets;
