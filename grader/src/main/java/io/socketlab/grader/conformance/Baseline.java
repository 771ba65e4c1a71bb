package io.socketlab.grader.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a program's baseline: the simplest exchange, run first. When it fails the program's other tests are
 * BLOCKED instead of failing one by one.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Baseline {
}
