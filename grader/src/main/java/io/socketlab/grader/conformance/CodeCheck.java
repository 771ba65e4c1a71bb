package io.socketlab.grader.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the target's code rather than of its running programs (its own tests, their coverage, architecture
 * rules). It runs for a Java module of this repository, and for a manifest only when the manifest names
 * {@link #manifestKey()}; otherwise it is reported as not submitted, with {@link #whyNot()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CodeCheck {

    /** The manifest key whose command does this check for a non-Java target, e.g. {@code project.test}; none if empty. */
    String manifestKey() default "";

    /** Why a target without that key is not graded on this check, in English; reports add "not submitted:". */
    String whyNot();

    /** The same in Spanish; reports add "no entregado:". */
    String whyNotEs();
}
