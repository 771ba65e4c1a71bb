/**
 * The class regrade: every student's repository at the deadline, built and graded in isolation, into one class report.
 */
package io.socketlab.grader.regrade;
