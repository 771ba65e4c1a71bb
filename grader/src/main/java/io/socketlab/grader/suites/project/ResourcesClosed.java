package io.socketlab.grader.suites.project;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * "Sockets and streams are closed (try-with-resources)", as far as bytecode can tell.
 *
 * <p>ArchUnit sees which calls a method makes, not where values flow, so this is a per-method approximation. A
 * method (or constructor, lambdas included: ArchUnit attributes their calls to the method that declares them) that
 * <em>opens</em> a resource — constructs a {@link #RESOURCES resource type}, calls a factory of one that returns one
 * ({@code ServerSocket.accept()}, {@code DatagramChannel.open()}), or calls a method of the program that returns
 * one — must also do one of:
 * <ul>
 *   <li>call {@code close()} on that type or a supertype of it (what {@code try (Socket s = ...)} compiles to,
 *       and an explicit {@code finally { s.close(); }});</li>
 *   <li>wrap it: pass it to the constructor of an {@code AutoCloseable} that the method in turn closes, returns
 *       or hands over (a {@code BufferedReader} over an {@code InputStreamReader} over a {@code FileInputStream});
 *       </li>
 *   <li>return it: the method's return type is {@code AutoCloseable} and the resource is one, so the caller
 *       opens it in turn and is checked in turn;</li>
 *   <li>hand it to an owner: store it in a field, or pass it to a constructor taking that type, of a class
 *       of the program that closes that type somewhere (a session's {@code try (socket) {...}}) or is itself
 *       {@code AutoCloseable}.</li>
 * </ul>
 * It cannot see a close on only some paths, nor which of two sockets a close was for; it catches the common
 * leak: a socket or stream opened in a method that never closes, returns or hands over anything of its kind.
 * A call to {@code Throwable.addSuppressed}, the other half of try-with-resources' bytecode, is deliberately not
 * enough: any try-with-resources in the method (the listener's, say) would then excuse every leak in it.
 */
public final class ResourcesClosed extends ArchCondition<JavaCodeUnit> {

    /** What a socket program must not leak. */
    static final List<Class<?>> RESOURCES = List.of(Socket.class, ServerSocket.class, DatagramSocket.class,
            SocketChannel.class, ServerSocketChannel.class, DatagramChannel.class,
            FileInputStream.class, FileOutputStream.class);

    ResourcesClosed() {
        super("close every socket and file stream they open (try-with-resources), return it, or hand it to an owner");
    }

    @Override
    public void check(JavaCodeUnit unit, ConditionEvents events) {
        opened(unit).distinct().forEach(opened -> {
            if (!closesOrHandsOver(unit, opened.type(), new HashSet<>())) {
                events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " opens a "
                        + opened.type().getSimpleName() + " (" + opened.access().getDescription()
                        + ") and neither closes it (try-with-resources), returns it, nor hands it to an owner that"
                        + " closes it"));
            }
        });
    }

    /** A resource of {@code type} opened by {@code access}. */
    private record Opened(JavaClass type, JavaAccess<?> access) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Opened o && o.type.equals(type);
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }
    }

    /** The code units of {@code classes} that open a resource: what the rule has something to say about. */
    public static List<JavaCodeUnit> openers(JavaClasses classes) {
        return classes.stream().flatMap(c -> c.getCodeUnits().stream())
                .filter(unit -> opened(unit).findAny().isPresent()).toList();
    }

    private static Stream<Opened> opened(JavaCodeUnit unit) {
        Stream<Opened> constructed = unit.getConstructorCallsFromSelf().stream()
                .filter(call -> isResource(call.getTargetOwner()))
                .map(call -> new Opened(call.getTargetOwner(), call));
        Stream<Opened> returned = unit.getMethodCallsFromSelf().stream()
                .filter(call -> isResource(call.getTarget().getRawReturnType()))
                // A factory of a resource type (accept, open), or a method of the program that opens one for us.
                .filter(call -> isResource(call.getTargetOwner()) || isProgram(call.getTargetOwner()))
                .map(call -> new Opened(call.getTarget().getRawReturnType(), call));
        return Stream.concat(constructed, returned);
    }

    private static boolean closesOrHandsOver(JavaCodeUnit unit, JavaClass type, Set<JavaClass> wrapped) {
        if (!wrapped.add(type)) {
            return false;
        }
        if (closes(unit, type)) {
            return true;
        }
        if (unit instanceof JavaMethod method && method.getRawReturnType().isAssignableTo(AutoCloseable.class)
                && type.isAssignableTo(method.getRawReturnType().getName())) {
            return true;
        }
        boolean storedInOwner = unit.getFieldAccesses().stream()
                .filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.SET)
                .map(access -> access.getTarget().resolveMember())
                .flatMap(Optional::stream)
                .anyMatch(field -> type.isAssignableTo(field.getRawType().getName())
                        && ownsResources(field.getOwner(), type));
        boolean passedToOwner = unit.getConstructorCallsFromSelf().stream()
                .filter(call -> call.getTarget().getRawParameterTypes().stream()
                        .anyMatch(parameter -> !parameter.isEquivalentTo(Object.class)
                                && type.isAssignableTo(parameter.getName())))
                .anyMatch(call -> isProgram(call.getTargetOwner()) && ownsResources(call.getTargetOwner(), type)
                        || isWrapper(call.getTargetOwner(), type)
                                && closesOrHandsOver(unit, call.getTargetOwner(), wrapped));
        return storedInOwner || passedToOwner;
    }

    /** A closeable that takes {@code type} and is not one: a reader over a stream, a stream over a socket's. */
    private static boolean isWrapper(JavaClass wrapper, JavaClass type) {
        return wrapper.isAssignableTo(AutoCloseable.class) && !type.isAssignableTo(wrapper.getName());
    }

    /** A class that closes {@code type} in any of its methods, or that is closeable itself. */
    private static boolean ownsResources(JavaClass owner, JavaClass type) {
        return owner.isAssignableTo(AutoCloseable.class)
                || owner.getCodeUnits().stream().anyMatch(unit -> closes(unit, type));
    }

    private static boolean closes(JavaCodeUnit unit, JavaClass type) {
        return unit.getMethodCallsFromSelf().stream().anyMatch(call -> call.getName().equals("close")
                && call.getTarget().getRawParameterTypes().isEmpty()
                && type.isAssignableTo(call.getTargetOwner().getName()));
    }

    private static boolean isResource(JavaClass type) {
        return RESOURCES.stream().anyMatch(type::isAssignableTo);
    }

    private static boolean isProgram(JavaClass type) {
        return type.getPackageName().startsWith("io.socketlab.");
    }
}
