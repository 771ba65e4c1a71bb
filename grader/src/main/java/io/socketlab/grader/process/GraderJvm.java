package io.socketlab.grader.process;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The grader's own JVM, and the command line that starts it again: with a bounded heap, whatever the grading
 * session meets. Buffers that grow with a program's output are capped by construction; the heap bound stops the
 * garbage collector from growing the heap when a program floods the grader with output it then throws away.
 */
public final class GraderJvm {

    /**
     * The heap and collector of a grading JVM. With the buffers bounded, 192 MiB holds every suite's live data (the
     * largest is echo's 16 MiB stream, compared block by block); the serial collector keeps the resident memory
     * close to the live data, and the whole process under 300 MB.
     */
    public static final List<String> HEAP_FLAGS = List.of("-Xmx192m", "-XX:+UseSerialGC");

    private GraderJvm() {
    }

    /** Whether this JVM was started with a maximum heap size. */
    public static boolean heapBounded() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(flag -> flag.startsWith("-Xmx") || flag.startsWith("-XX:MaxHeapSize")
                        || flag.startsWith("-XX:MaxRAM"));
    }

    /**
     * This JVM's command line for the grader's main class with {@code arguments}: the same flags and properties, the
     * heap bounded by {@link #HEAP_FLAGS} (after the others, so they win).
     */
    public static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger's port is taken by this JVM already.
            if (!flag.startsWith("-agentlib:jdwp") && !flag.startsWith("-Xrunjdwp")) {
                command.add(flag);
            }
        }
        // Properties set while running (tests set some) are not in the input arguments.
        for (String property : List.of("socketlab.home", "java.io.tmpdir", "socketlab.tmpdir", UidPool.RANGE_PROPERTY)) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(HEAP_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.socketlab.grader.cli.GraderCommand");
        command.addAll(arguments);
        return command;
    }

    /**
     * Runs the grader again with {@code arguments} in a JVM with a bounded heap, sharing this one's standard streams,
     * and returns its exit code.
     */
    public static int relaunchWithBoundedHeap(List<String> arguments) {
        try {
            Process process = new ProcessBuilder(command(arguments)).inheritIO().start();
            Thread stopper = new Thread(() -> ProcessTree.stop(process.toHandle(), java.time.Duration.ofSeconds(10)));
            Runtime.getRuntime().addShutdownHook(stopper);
            int exit = process.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopper);
            return exit;
        } catch (IOException e) {
            System.err.println("socketlab-grader: cannot start the grading JVM: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
    }
}
