package io.socketlab.grader.suites.http.hidden;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.suites.http.Traversal;
import java.util.List;

/**
 * The static file server's hidden test: traversal through backslashes, NUL, {@code //} and absolute-form (HTTP-14),
 * spellings a student should reason out from the spec (check the decoded path), not collect from a visible probe.
 */
@ExerciseSuite(exercise = "http", program = Program.SERVER)
class HttpServerHiddenSuite {

    @Requirement(clause = "HTTP-14", points = 1, visibility = Visibility.HIDDEN)
    void refusesOtherSpellings(ServerUnderTest server) throws Exception {
        Traversal.expectNoLeak(server, List.of("/..\\secret", "/%5c..%5csecret", "/..%5csecret", "//etc/passwd",
                "/%2fetc%2fpasswd", "/%00", "/secret%00.txt", "/..%00/secret", "/hello.txt%00/../../secret"), false);
        Traversal.expectNoLeak(server, List.of("/../secret", "/../../../../../../etc/passwd"), true);
        Traversal.expectHelloIfServed(server, "/sub/../hello.txt");
    }
}
