package io.socketlab.grader.suites.project;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.stream.Stream;

/** The rules every program of the course keeps, as ArchUnit rules over its compiled classes. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** No {@code ObjectInputStream}/{@code ObjectOutputStream}: data on the wire is a documented format. */
    public static ArchRule noNativeObjectSerialization() {
        return noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName(ObjectInputStream.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ObjectOutputStream.class.getName())
                .allowEmptyShould(true);
    }

    /** {@code System.exit} only in {@code main} (or a lambda in it): library code reports, {@code main} decides. */
    public static ArchRule exitOnlyFromMain() {
        return classes().should(new ArchCondition<>("call System.exit only from main") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                javaClass.getMethodCallsFromSelf().stream()
                        .filter(call -> call.getTargetOwner().isEquivalentTo(System.class) && call.getName().equals("exit"))
                        .filter(call -> !call.getOrigin().getName().equals("main")
                                && !call.getOrigin().getName().startsWith("lambda$main$"))
                        .forEach(call -> events.add(SimpleConditionEvent.violated(call, call.getDescription())));
            }
        }).allowEmptyShould(true);
    }

    /**
     * A class that opens or accepts a socket also closes one ({@code close()} or try-with-resources, which calls it).
     * A class-level check: it catches the socket that is never closed anywhere, not every path that leaks one.
     */
    /** Sockets and streams are closed: see {@link ResourcesClosed} for what bytecode can tell. */
    public static ArchRule socketsClosed() {
        return codeUnits().should(new ResourcesClosed()).allowEmptyShould(true);
    }
}
