/** Conformance tests of the {@code udp-stream} exercise: best-effort image streaming over UDP, receiver and sender. */
package io.socketlab.grader.suites.udpstream;
