/** Conformance tests of the {@code quiz} exercise (specs/quiz.md): a multiplayer quiz with synchronised rounds. */
package io.socketlab.grader.suites.quiz;
