package io.socketlab.grader.suites.project;

import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.suite.Baseline;
import io.socketlab.grader.suite.ClientUnderTest;
import io.socketlab.grader.suite.ExerciseTests;
import io.socketlab.grader.suite.Requirement;
import java.util.List;

/** The project's client: it explains itself and follows the course's exit codes. */
@ExerciseTests(exercise = "project", program = Program.CLIENT)
class ProjectClientTests {

    @Baseline
    @Requirement(clause = "PROJ-7", points = 2,
            title = "answers --help with a usage text and exit code 0",
            titleEs = "responde a --help con un texto de uso y código de salida 0",
            hint = "on --help print the synopsis and every option (--host, --port, ...) on stdout, then return from main",
            hintEs = "con --help imprime en stdout la sinopsis y cada opción (--host, --port, ...) y vuelve de main")
    void answersHelp(ClientUnderTest client) {
        Help.expectUsage(client.startRaw(List.of("--help"))
                .awaitExit(Text.of("running the client with --help", "ejecutando el cliente con --help"),
                        client.timeouts().seconds(15)), "client");
    }

    @Requirement(clause = "PROJ-8", points = 2,
            title = "exits 2 with a message when the connection is refused",
            titleEs = "termina con 2 y un mensaje si se rechaza la conexión",
            hint = "catch the connect failure, print one line on stderr and exit with code 2",
            hintEs = "captura el fallo al conectar, imprime una línea en stderr y termina con código 2")
    void exitsTwoWhenRefused(ClientUnderTest client) {
        client.expectExitTwoWhenRefused(List.of());
    }
}
