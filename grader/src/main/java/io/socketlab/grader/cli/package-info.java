/** The grader's command line: thin picocli commands over the grading session. */
package io.socketlab.grader.cli;
