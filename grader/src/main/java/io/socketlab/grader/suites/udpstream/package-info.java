/** Conformance tests of the {@code udp-stream} exercise: best-effort image streaming over UDP, receiver and sender. */
@ServerSetup(readiness = Readiness.UDP, arguments = {"--out", "{data}"})
package io.socketlab.grader.suites.udpstream;

import io.socketlab.grader.conformance.ServerSetup;
import io.socketlab.grader.process.Readiness;
