package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Visibility;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/**
 * One requirement of a spec, checked by one test: the clause it cites, its points, how binding it is and who sees it.
 * Its title and hint live in the suite's message bundle ({@link RequirementTexts}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
public @interface Requirement {

    /** The spec clause, e.g. {@code ECHO-3}; the report links {@code specs/<exercise>.md#echo-3}. */
    String clause();

    int points();

    Level level() default Level.MUST;

    Visibility visibility() default Visibility.PUBLIC;

}
