package io.socketlab.student.project;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

/** Your project's client (specs/project.md). */
public final class ProjectClient {

    private static final String PROGRAM = "project client";
    private static final String USAGE = "ProjectClient --host H --port N [ARGUMENT...]";

    private ProjectClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port"), Set.of("--help"));
            if (args.flag("--help")) {
                printHelp(); // PROJ-7
                return;
            }
            run(args.serverAddress(), args.positionals());
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/project.md)");
            System.exit(1);
        }
    }

    private static void printHelp() {
        // TODO(PROJ-7): print on stdout a usage text: the synopsis (USAGE), what the client does and
        //   every option. Returning from main then ends the program with exit code 0.
        throw new UnsupportedOperationException("not implemented yet: see specs/project.md");
    }

    private static void run(InetSocketAddress server, List<String> arguments) throws Failure {
        // TODO(PROJ-8): connect with a timeout; a refused connection is Failure.incomplete(...) (exit 2).
        // TODO: talk your protocol; an ERR-like refusal from the server is Failure.refused(...) (exit 1).
        throw new UnsupportedOperationException("not implemented yet: see specs/project.md");
    }
}
