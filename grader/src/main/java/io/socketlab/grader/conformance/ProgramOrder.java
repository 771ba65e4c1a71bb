package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Exercises;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/** Runs exercises in course order, each one's server tests before its client tests, then by class name. */
public final class ProgramOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((ClassDescriptor c) -> c.findAnnotation(ExerciseSuite.class)
                        .map(s -> Exercises.order(s.exercise()) * 2 + s.program().ordinal()).orElse(Integer.MAX_VALUE))
                .thenComparing(c -> c.getTestClass().getName()));
    }
}
