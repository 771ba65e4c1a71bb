package io.socketlab.grader.suites.project;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.conformance.ClientResult;

/** What every {@code --help} must show: exit code 0 and a usage text on stdout that names {@code --port}. */
final class Help {

    private Help() {
    }

    static void expectUsage(ClientResult result, String program) {
        Text step = Text.of("the " + program + "'s --help", "el --help del " + (program.equals("server") ? "servidor" : "cliente"));
        result.expectExitCode(step, 0);
        String stdout = result.stdoutText();
        if (!stdout.contains("--port")) {
            throw ConformanceFailure.wrongOutput(step, Text.of("a usage text on stdout that names every option, --port included",
                            "un texto de uso en stdout que nombre cada opción, --port incluida"),
                    stdout.isBlank() ? Text.of("nothing on stdout", "nada en stdout")
                            : Text.same(stdout.strip().lines().limit(6).reduce((a, b) -> a + "\n" + b).orElse("")));
        }
    }
}
