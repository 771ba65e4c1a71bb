/**
 * The sockets tests students do not see: only the full grader (the class regrade, Gradescope) carries this package;
 * the public grader that student-side grading builds leaves it out.
 */
package io.socketlab.grader.suites.sockets.hidden;
