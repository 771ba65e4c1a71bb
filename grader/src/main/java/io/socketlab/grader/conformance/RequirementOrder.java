package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Clauses;
import java.util.Comparator;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/** Runs the baseline first, then the tests in clause order (SOCK-2 before SOCK-10), then by name: stable reports. */
public final class RequirementOrder implements MethodOrderer {

    @Override
    public void orderMethods(MethodOrdererContext context) {
        context.getMethodDescriptors().sort(Comparator
                .comparing((MethodDescriptor m) -> !m.isAnnotated(Baseline.class))
                .thenComparingInt(RequirementOrder::clauseNumber)
                .thenComparing(MethodDescriptor::getDisplayName));
    }

    private static int clauseNumber(MethodDescriptor method) {
        return method.findAnnotation(Requirement.class).map(r -> Clauses.number(r.clause())).orElse(Integer.MAX_VALUE);
    }
}
