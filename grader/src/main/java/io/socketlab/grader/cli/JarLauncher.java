package io.socketlab.grader.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grader jar's entry point. {@code grade} runs in a JVM sized for grading: a JVM's defaults on a large machine
 * (a quarter of its memory for the heap, a collector with a thread per core) let the grader's transient buffers
 * grow its memory to a gigabyte, while a small heap with the serial collector grades the whole course in under
 * 300 MB. The heap's bound leaves room for several programs that flood their output at once (each program's stdout
 * is kept up to 32 MiB). So, unless the user chose a heap size or a collector, {@code grade} runs in a child JVM with those
 * settings, its input, output, exit code and SIGTERM passed through. Other commands run here.
 */
public final class JarLauncher {

    /**
     * The settings grading runs with: the serial collector, a heap that grows only as far as the live data needs
     * (10-30 % free after a collection) up to a bound, and a bounded NIO buffer cache.
     */
    static final List<String> GRADING_JVM = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx256m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:MaxMetaspaceSize=128m",
            "-Djdk.nio.maxCachedBufferSize=262144");

    /** User flags that mean "I chose how this JVM uses memory": then the grader does not second-guess them. */
    private static final Pattern MEMORY_FLAGS = Pattern.compile("-Xm[sx].*|-XX:(MaxHeapSize|MaxRAM|InitialHeapSize)"
            + ".*|-XX:\\+Use\\w*GC");

    private JarLauncher() {
    }

    public static void main(String[] args) {
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (args.length == 0 || !args[0].equals("grade") || chosenByUser(jvmArguments)) {
            GraderCommand.main(args);
            return;
        }
        System.exit(runInGradingJvm(jvmArguments, args));
    }

    static boolean chosenByUser(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(a -> MEMORY_FLAGS.matcher(a).matches());
    }

    /** Runs {@code args} in a child JVM with {@link #GRADING_JVM} and this JVM's own arguments (its -D properties). */
    private static int runInGradingJvm(List<String> jvmArguments, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(GRADING_JVM);
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GraderCommand.class.getName());
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            // Cannot start a second JVM: grade here, with this JVM's settings (main exits with the grade's code).
            GraderCommand.main(args);
            return ExitCodes.HARNESS_ERROR;
        }
        // SIGTERM or Ctrl-C here reaches the child as SIGTERM, so that it stops its programs and ends cleanly.
        Thread forward = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "socketlab-forward-termination");
        Runtime.getRuntime().addShutdownHook(forward);
        try {
            int exit = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(forward);
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.HARNESS_ERROR;
        }
    }
}
