/** A grading run: the selected suites executed through the JUnit Platform Launcher, turned into verdicts. */
package io.socketlab.grader.session;
