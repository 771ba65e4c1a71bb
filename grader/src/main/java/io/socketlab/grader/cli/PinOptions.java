package io.socketlab.grader.cli;

import io.socketlab.grader.export.Pins;
import picocli.CommandLine.Option;

/** Which grader student-side grading pins: the upstream repository, its ref and the public jar's digest. */
final class PinOptions {

    @Option(names = "--upstream", paramLabel = "OWNER/NAME",
            description = "The repository the course's grader is built from (default: as in grade.yml).")
    String upstream;

    @Option(names = "--upstream-ref", paramLabel = "REF",
            description = "The tag or commit of it that grades this course (default: as in grade.yml).")
    String upstreamRef;

    @Option(names = "--grader-sha256", paramLabel = "HEX",
            description = "The public grader jar's SHA-256 at that ref (default: the digest of "
                    + "socketlab-grader-public.jar, this jar or the one beside it, else as in grade.yml).")
    String graderSha256;

    /** @throws IllegalArgumentException naming a malformed pin */
    Pins pins() {
        String digest = graderSha256 != null ? graderSha256
                : GraderJars.publicJar().map(GraderJars::sha256).orElse(null);
        return new Pins(upstream, upstreamRef, digest);
    }
}
