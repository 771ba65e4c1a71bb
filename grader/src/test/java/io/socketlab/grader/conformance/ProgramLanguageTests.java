package io.socketlab.grader.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.Program;
import io.socketlab.grader.process.ManifestTarget;
import io.socketlab.grader.process.ProgramCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which language's hints a program gets: the manifest says so, or its command shows it. */
class ProgramLanguageTests {

    @Test
    void theCommandShowsTheLanguage() {
        assertThat(ofCommand("python3 echo/server.py")).isEqualTo(ProgramLanguage.PYTHON);
        assertThat(ofCommand("/usr/bin/python3.11 -u server.py")).isEqualTo(ProgramLanguage.PYTHON);
        assertThat(ofCommand("./server.py --fast")).isEqualTo(ProgramLanguage.PYTHON);
        assertThat(ofCommand("java -cp out echo.Server")).isEqualTo(ProgramLanguage.JAVA);
        assertThat(ofCommand("./echo-server")).isEqualTo(ProgramLanguage.OTHER);
    }

    @Test
    void aManifestsLanguageKeyWinsOverItsCommands(@TempDir Path dir) throws IOException {
        Path declared = dir.resolve("declared.properties");
        Files.writeString(declared, "language = python\necho.server = ./run-echo-server\n");
        Path inferred = dir.resolve("inferred.properties");
        Files.writeString(inferred, "echo.server = python3 echo/server.py\necho.client = ./client\n");

        assertThat(ProgramLanguage.of(ManifestTarget.load(declared), "echo", Program.SERVER))
                .isEqualTo(ProgramLanguage.PYTHON);
        assertThat(ProgramLanguage.of(ManifestTarget.load(inferred), "echo", Program.SERVER))
                .isEqualTo(ProgramLanguage.PYTHON);
        assertThat(ProgramLanguage.of(ManifestTarget.load(inferred), "echo", Program.CLIENT))
                .isEqualTo(ProgramLanguage.OTHER);
    }

    private static ProgramLanguage ofCommand(String command) {
        return ProgramLanguage.ofCommand(new ProgramCommand(List.of("/bin/sh", "-c", command), null, command));
    }
}
