package io.socketlab.grader.conformance;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.ProgramLauncher;
import io.socketlab.grader.process.Readiness;
import io.socketlab.grader.process.RunningProgram;
import io.socketlab.grader.process.ServerStarter;
import io.socketlab.grader.process.Targets;
import java.nio.file.Path;
import java.util.List;

/**
 * The reference program of the other side, for cross-tests (the student's server against the reference client, the
 * student's client against the reference server). Launched like any target's program, owned by the current test
 * and stopped with its whole process tree when the test ends. Without a built reference module the test ends as a
 * harness ERROR, never as the student's failure.
 */
public final class ReferencePeer {

    /** A reference server that is ready on {@code port}. */
    public record Server(RunningProgram program, int port) {
    }

    private final GradingContext context;
    private final String exercise;
    private final TestScope scope;

    ReferencePeer(GradingContext context, String exercise, TestScope scope) {
        this.context = context;
        this.exercise = exercise;
        this.scope = scope;
    }

    public Timeouts timeouts() {
        return context.timeouts();
    }

    /** A new empty folder owned by this test (a reference server's --dir, a client's input files). */
    public Path newFolder(String label) {
        Path folder = context.launcher().newFolder("reference-" + exercise + "-" + label);
        scope.own(() -> ProgramLauncher.deleteRecursively(folder));
        return folder;
    }

    /** Starts the reference server with {@code --port N} then {@code arguments}, and waits until it is ready. */
    public Server startServer(List<String> arguments, Readiness readiness) {
        String label = label(Program.SERVER);
        try {
            ServerStarter.StartedServer started = context.starter().start(label, command(Program.SERVER),
                    arguments, readiness, context.timeouts().seconds(15));
            own(label, started.program());
            scope.transcript().note("reference", Text.format("reference server started on port %d",
                    "servidor de referencia arrancado en el puerto %d", started.port()));
            return new Server(started.program(), started.port());
        } catch (ServerStarter.StartFailure failure) {
            scope.addLog(label, ProgramOutput.whole(failure.program()));
            throw new HarnessException(Text.of("the reference " + exercise + " server did not start: " + failure.getMessage(),
                    "el servidor de referencia de " + exercise + " no arrancó: " + (failure.exited()
                            ? "terminó antes de escuchar" : "no escuchó a tiempo en el puerto " + failure.port())));
        }
    }

    /** Starts the reference client with exactly {@code arguments}. */
    public RunningProgram startClient(List<String> arguments) {
        String label = label(Program.CLIENT);
        RunningProgram program = context.launcher().start(label, command(Program.CLIENT), arguments);
        own(label, program);
        scope.transcript().note("reference", Text.format("reference client started with arguments %s",
                "cliente de referencia arrancado con los argumentos %s", arguments));
        return program;
    }

    private void own(String label, RunningProgram program) {
        scope.own(() -> {
            program.close();
            scope.addLog(label, ProgramOutput.whole(program));
        });
    }

    private String label(Program program) {
        return "reference-" + exercise + "-" + program.id();
    }

    private ProgramCommand command(Program program) {
        Text needed = Text.of("this cross-test needs the reference " + exercise + " " + program.id(),
                "esta prueba cruzada necesita el " + (program == Program.SERVER ? "servidor" : "cliente")
                        + " de referencia de " + exercise);
        try {
            return Targets.peerReference().program(exercise, program).orElseThrow(() -> new HarnessException(
                    needed.plus(Text.of(", which the reference module does not provide",
                            ", que el módulo de referencia no incluye"))));
        } catch (IllegalArgumentException e) {
            throw new HarnessException(needed.plus(Text.format(", but %s", ", pero %s", e.getMessage())), e);
        }
    }
}
