/** Conformance tests of the {@code serialization} exercise (specs/serialization.md): framed JSON inventory reports. */
@ServerSetup(arguments = {"--store", "{data}/reports.jsonl"})
package io.socketlab.grader.suites.serialization;

import io.socketlab.grader.conformance.ServerSetup;
