package io.socketlab.grader.cli;

import io.socketlab.grader.process.Targets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --from}: the harness tree an export reads. */
final class HarnessOption {

    @Option(names = "--from", paramLabel = "DIR",
            description = "The harness repository to export (default: the one found from here, or -Dsocketlab.home).")
    Path from;

    Path root() {
        return from != null ? from : Targets.home().orElseThrow(() -> new IllegalArgumentException(
                "cannot find the SocketLab repository; run from inside it or pass --from DIR"));
    }
}
