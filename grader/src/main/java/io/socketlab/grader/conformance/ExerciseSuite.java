package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Program;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A class of conformance tests for one program of one exercise. A program's tests may span several classes and
 * their {@code @Nested} groups: they share one baseline verdict and one server (see {@link ServerSetup} for how it is
 * started), whichever class they are in. A {@code @Nested} class inherits its enclosing class's declaration.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GradingExtension.class)
public @interface ExerciseSuite {

    /** The exercise id, e.g. {@code echo}. */
    String exercise();

    Program program();

    /**
     * For server tests: each test of this class gets a server of its own, started for it and stopped after it, so no
     * test sees another's clients (their LEAVE notifications, their nicks, a game in progress). Costs one start per
     * test; in exchange such tests can run at the same time as others.
     */
    boolean freshServerPerTest() default false;
}
