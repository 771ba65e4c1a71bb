package io.socketlab.grader.suites.filetransfer;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The folder a server serves, or a client downloads into, as the grader inspects it. Public for the server's hidden
 * suite, which lives in another package.
 */
public final class Folder {

    private Folder() {
    }

    /** Restarts the server on a new, empty folder (plus {@code extra} arguments); returns the folder. */
    public static Path useDir(ServerUnderTest server, String name, String... extra) throws IOException {
        Path dir = Files.createDirectories(server.dataDir().resolve(name));
        List<String> arguments = new ArrayList<>(List.of("--dir", dir.toString()));
        arguments.addAll(List.of(extra));
        server.restartWith(arguments);
        return dir;
    }

    /** The names of every entry of a folder, sorted. */
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Text named(Path dir) {
        return Text.format("the folder %s", "la carpeta %s", dir.getFileName());
    }

    /** Fails unless the file {@code name} in {@code dir} holds exactly {@code content}. */
    static void expectFile(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Text step = Text.format("the file %s in %s", "el fichero %s en %s", name, dir.getFileName());
        if (!Files.isRegularFile(file)) {
            throw ConformanceFailure.integrity(step, Text.format("the %d bytes sent", "los %d bytes enviados", content.length),
                    Text.of("no such file", "no existe"));
        }
        byte[] stored = Files.readAllBytes(file);
        if (!Arrays.equals(content, stored)) {
            throw ConformanceFailure.integrity(step, Text.format("the %d bytes sent", "los %d bytes enviados", content.length),
                    Bytes.describeDifference(content, stored));
        }
    }

    /** Fails unless {@code dir} holds exactly {@code names} now. */
    static void expectHolding(Path dir, List<String> names) throws IOException {
        List<String> actual = listing(dir);
        if (!actual.equals(names)) {
            throw holdsOther(dir, names, actual);
        }
    }

    /** Waits (5 s at most) until {@code dir} holds exactly {@code names}: a server may still be cleaning up. */
    static void awaitHolding(Path dir, List<String> names) throws IOException {
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25))
                    .atMost(Duration.ofSeconds(5)).until(() -> listing(dir).equals(names));
        } catch (ConditionTimeoutException e) {
            throw holdsOther(dir, names, listing(dir));
        }
    }

    private static ConformanceFailure holdsOther(Path dir, List<String> names, List<String> actual) {
        return ConformanceFailure.integrity(named(dir), Text.format("exactly %s", "exactamente %s", names),
                Text.format("%s", "%s", actual));
    }

    /**
     * Waits (2 s at most) until the server has started writing an upload, that is until {@code dir} holds an entry
     * it did not hold before. Returns quietly if none appears: a server may stage uploads elsewhere.
     */
    static void awaitUploadStarted(Path dir, List<String> before) {
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> listing(dir).stream().anyMatch(name -> !before.contains(name)));
        } catch (ConditionTimeoutException e) {
            // Nothing visible in --dir while uploading: there is nothing for the check after the cut to miss.
        }
    }
}
