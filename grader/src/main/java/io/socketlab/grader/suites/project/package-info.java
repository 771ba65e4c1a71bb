/** The free project: both programs answer --help, the server listens, the student's own tests, their coverage, rules. */
package io.socketlab.grader.suites.project;
