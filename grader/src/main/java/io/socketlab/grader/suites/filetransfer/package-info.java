/** Conformance tests of the {@code file-transfer} exercise (specs/file-transfer.md): binary files over TCP with integrity. */
package io.socketlab.grader.suites.filetransfer;
