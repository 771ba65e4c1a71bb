package io.socketlab.grader.conformance;

import io.socketlab.grader.process.Readiness;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an exercise's server is started, declared once in its suite package's {@code package-info.java} and used by
 * every test of the server, whichever class it is in. A package without it starts the server with {@code --port N}
 * alone and waits for a listening TCP socket.
 */
@Target(ElementType.PACKAGE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ServerSetup {

    /** What "the server is ready" means. */
    Readiness readiness() default Readiness.TCP;

    /**
     * Arguments after {@code --port N}. {@code {data}} stands for the server's data folder, which outlives restarts of
     * the server (a store, a file directory) and is removed when the program's last test ends, e.g.
     * {@code {"--store", "{data}/reports.jsonl"}}.
     */
    String[] arguments() default {};
}
