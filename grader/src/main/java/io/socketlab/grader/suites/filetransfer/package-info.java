/** Conformance tests of the {@code file-transfer} exercise (specs/file-transfer.md): binary files over TCP with integrity. */
@ServerSetup(arguments = {"--dir", "{data}"})
package io.socketlab.grader.suites.filetransfer;

import io.socketlab.grader.conformance.ServerSetup;
