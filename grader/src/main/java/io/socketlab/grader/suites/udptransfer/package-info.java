/** Conformance tests of udp-transfer: reliable file transfer over lossy UDP, server and client. */
@ServerSetup(readiness = Readiness.UDP, arguments = {"--dir", "{data}"})
package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.conformance.ServerSetup;
import io.socketlab.grader.process.Readiness;
