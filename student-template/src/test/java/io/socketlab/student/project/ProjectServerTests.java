package io.socketlab.student.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A sample of your own tests (PROJ-4, PROJ-5): JUnit 5 tests in this package, run by `mvn test` and by the
 * grader, which also measures how many lines of your project they run. Test your protocol's logic without
 * sockets, and your server with a real loopback socket: bind it to port 0 in the test, talk to it, close it.
 */
class ProjectServerTests {

    @Test
    @Disabled("a sample: replace it with tests of your own project")
    void answersACommand() {
        String reply = "OK"; // e.g. new YourProtocol().execute("PUT colour blue")

        assertEquals("OK", reply);
    }
}
