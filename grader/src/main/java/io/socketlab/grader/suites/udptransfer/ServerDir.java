package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The server's --dir as the grader inspects it, shared by the server's public suite and its hidden one (which lives
 * in another package, so this is public).
 */
public final class ServerDir {

    private ServerDir() {
    }

    /** The --dir of the running server: tests that need an empty folder restart it on one of their own. */
    public static Path dir(ServerUnderTest server) {
        List<String> commandLine = server.program().commandLine();
        int flag = commandLine.lastIndexOf("--dir");
        return Path.of(commandLine.get(flag + 1));
    }

    /** Fails unless {@code dir/name} holds exactly {@code content} (waiting briefly for it to appear). */
    public static void expectStored(Path dir, String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Text step = Text.of("the stored " + name, "el " + name + " guardado");
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .atMost(Duration.ofSeconds(2)).until(() -> Files.isRegularFile(file) && Files.size(file) == content.length);
        } catch (ConditionTimeoutException e) {
            Text actual = Files.isRegularFile(file) ? Text.format("%d bytes", "%d bytes", Files.size(file))
                    : Text.of("no such file", "no existe");
            throw ConformanceFailure.integrity(step, Text.format("a file %s of %d bytes in --dir after DONE 0",
                    "un fichero %s de %d bytes en --dir tras DONE 0", name, content.length), actual);
        }
        byte[] stored = Files.readAllBytes(file);
        if (!Arrays.equals(stored, content)) {
            throw ConformanceFailure.integrity(step, Text.format("%s with the %d bytes sent", "%s con los %d bytes enviados",
                    name, content.length), Bytes.describeDifference(content, stored));
        }
    }
}
