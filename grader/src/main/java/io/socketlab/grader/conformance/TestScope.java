package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Image;
import io.socketlab.grader.probe.Transcript;
import io.socketlab.grader.process.LimitBreach;
import io.socketlab.grader.process.RunningProgram;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What one test owns: its transcript and everything it opened, closed in reverse order when the test ends. */
final class TestScope implements ExtensionContext.Store.CloseableResource {

    private final Transcript transcript = new Transcript();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final StringBuilder logs = new StringBuilder();
    private final List<Image> images = new ArrayList<>();
    private final List<RunningProgram> programs = new ArrayList<>();

    Transcript transcript() {
        return transcript;
    }

    synchronized <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Remembers a program this test started, so a sandbox limit it ran into can be named in the verdict. */
    synchronized RunningProgram watch(RunningProgram program) {
        programs.add(program);
        return program;
    }

    /** The first sandbox limit a program of this test ran into. */
    synchronized Optional<LimitBreach> limitBreach() {
        return programs.stream().map(RunningProgram::limitBreach).flatMap(Optional::stream).findFirst();
    }

    /** Keeps a program's output for the report. */
    synchronized void addLog(String label, String log) {
        if (!log.isBlank()) {
            logs.append("--- ").append(label).append(" ---\n").append(log);
        }
    }

    synchronized String logs() {
        return logs.toString();
    }

    /** Keeps a picture for the report. */
    synchronized void addImage(Image image) {
        images.add(image);
    }

    synchronized List<Image> images() {
        return List.copyOf(images);
    }

    @Override
    public synchronized void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                // Closing is best effort; every process is also stopped by its own close.
            }
        }
    }
}
