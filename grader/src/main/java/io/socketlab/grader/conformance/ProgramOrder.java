package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Exercises;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs exercises in course order, each one's server tests before its client tests; among one program's classes, the
 * one holding the baseline first; then by class name.
 */
public final class ProgramOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((ClassDescriptor c) -> Declarations.findSuite(c.getTestClass())
                        .map(s -> Exercises.order(s.exercise()) * 2 + s.program().ordinal()).orElse(Integer.MAX_VALUE))
                .thenComparing(c -> !holdsBaseline(c.getTestClass()))
                .thenComparing(c -> c.getTestClass().getName()));
    }

    private static boolean holdsBaseline(Class<?> testClass) {
        return Arrays.stream(testClass.getDeclaredMethods()).anyMatch(Declarations::isBaseline);
    }
}
