package io.socketlab.grader.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test whose verdict depends on timing tighter than a busy machine guarantees (players' lines compared to a few
 * hundred milliseconds, a timer's firing measured from outside): the session runs it while no other test runs, so
 * what it measures is the program, not the grader's other work. Use sparingly: every such test makes the others wait.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RunsAlone {
}
