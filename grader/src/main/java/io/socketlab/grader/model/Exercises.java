package io.socketlab.grader.model;

import java.util.List;

/** The exercise ids of the contract, in the course's order, and where their suites live. */
public final class Exercises {

    public static final List<String> ALL = List.of("sockets", "echo", "serialization", "chat", "quiz", "http",
            "file-transfer", "udp-transfer", "udp-stream", "project");

    /** The package under which every exercise's suites live, one subpackage each. */
    public static final String SUITES_ROOT = "io.socketlab.grader.suites";

    private static final String SUITES = SUITES_ROOT + ".";

    private Exercises() {
    }

    /** The package of an exercise's conformance tests: {@code udp-stream} lives in {@code ...suites.udpstream}. */
    public static String suitePackage(String exercise) {
        return SUITES + exercise.replace("-", "");
    }

    /** The exercise a suite package belongs to. */
    public static String ofClass(Class<?> suiteClass) {
        String pkg = suiteClass.getPackageName();
        return ALL.stream().filter(e -> suitePackage(e).equals(pkg)).findFirst().orElse(pkg);
    }

    /** Position in the course, for ordering reports. */
    public static int order(String exercise) {
        int index = ALL.indexOf(exercise);
        return index < 0 ? ALL.size() : index;
    }
}
