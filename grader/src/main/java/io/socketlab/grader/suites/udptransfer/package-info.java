/** Conformance tests of udp-transfer: reliable file transfer over lossy UDP, server and client. */
package io.socketlab.grader.suites.udptransfer;
