/** Conformance tests of the {@code serialization} exercise (specs/serialization.md): framed JSON inventory reports. */
package io.socketlab.grader.suites.serialization;
