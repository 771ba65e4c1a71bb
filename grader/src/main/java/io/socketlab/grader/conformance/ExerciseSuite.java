package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Program;
import io.socketlab.grader.process.Readiness;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** A class of conformance tests for one program of one exercise. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GradingExtension.class)
@TestMethodOrder(RequirementOrder.class)
public @interface ExerciseSuite {

    /** The exercise id, e.g. {@code echo}. */
    String exercise();

    Program program();

    /** For server tests: what "the server is ready" means. */
    Readiness readiness() default Readiness.TCP;

    /**
     * For server tests: arguments after {@code --port N}. {@code {data}} stands for the class's data folder, which
     * outlives restarts of the server (a store, a file directory), e.g. {@code {"--store", "{data}/reports.jsonl"}}.
     */
    String[] serverArguments() default {};

    /**
     * For server tests: start a fresh server for every test, so no test sees another's clients (their LEAVE
     * notifications, their nicks, a game in progress). Costs one start per test.
     */
    boolean freshServerPerTest() default false;
}
