package io.socketlab.grader.suites.project;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.stream.Stream;

/** The rules every program of the course keeps, as ArchUnit rules over its compiled classes. */
public final class ArchitectureRules {

    /** The JDK's socket types: whoever opens or accepts one must close one. */
    private static final Set<String> SOCKETS = Set.of("java.net.Socket", "java.net.ServerSocket",
            "java.net.DatagramSocket", "java.net.MulticastSocket", "java.nio.channels.SocketChannel",
            "java.nio.channels.ServerSocketChannel", "java.nio.channels.DatagramChannel",
            "java.nio.channels.AsynchronousSocketChannel", "java.nio.channels.AsynchronousServerSocketChannel");

    private ArchitectureRules() {
    }

    /** No {@code ObjectInputStream}/{@code ObjectOutputStream}: data on the wire is a documented format. */
    public static ArchRule noNativeObjectSerialization() {
        return noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName(java.io.ObjectInputStream.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.ObjectOutputStream.class.getName())
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
    public static ArchRule socketsClosed() {
        return classes().should(new ArchCondition<>("close the sockets they open or accept") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Stream<JavaAccess<?>> opens = Stream.concat(
                        javaClass.getConstructorCallsFromSelf().stream()
                                .filter(call -> SOCKETS.contains(call.getTargetOwner().getFullName())),
                        javaClass.getMethodCallsFromSelf().stream()
                                .filter(call -> SOCKETS.contains(call.getTargetOwner().getFullName())
                                        && (call.getName().equals("accept") || call.getName().equals("open"))));
                boolean closes = javaClass.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> SOCKETS.contains(call.getTargetOwner().getFullName())
                                && call.getName().equals("close"));
                if (!closes) {
                    opens.findFirst().ifPresent(open -> events.add(SimpleConditionEvent.violated(open,
                            open.getDescription() + ", and " + javaClass.getSimpleName() + " never closes a socket")));
                }
            }
        }).allowEmptyShould(true);
    }
}
