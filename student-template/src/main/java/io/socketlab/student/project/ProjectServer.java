package io.socketlab.student.project;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.logging.Logger;

/** Your project's server (specs/project.md): rename the protocol, keep the command line. */
public final class ProjectServer {

    private static final Logger LOG = Logger.getLogger(ProjectServer.class.getName());

    static final String PROGRAM = "project server";
    private static final String USAGE = "ProjectServer --port N [--host H]";

    private ProjectServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host"), Set.of("--help"));
            if (args.flag("--help")) {
                printHelp(); // PROJ-1
                return;
            }
            args.expectNoPositionals();
            serve(args.listenAddress());
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/project.md)");
            System.exit(1);
        }
    }

    private static void printHelp() {
        // TODO(PROJ-1): print on stdout a usage text: the synopsis (USAGE), what the server does, its
        //   protocol in a few lines, and every option (--port, --host, --help). Returning from main
        //   then ends the program with exit code 0.
        throw new UnsupportedOperationException("not implemented yet: see specs/project.md");
    }

    /** Listens on {@code address} and serves clients until the process is terminated. */
    private static void serve(InetSocketAddress address) throws Failure {
        // TODO(PROJ-2): open a ServerSocket in try-with-resources, setReuseAddress(true), bind(address).
        // TODO(PROJ-3): GracefulShutdown.install(listener), so that SIGTERM ends with exit code 0.
        // TODO(PROJ-2): accept clients and serve each (a thread per client if they talk at once).
        throw new UnsupportedOperationException("not implemented yet: see specs/project.md");
    }
}
