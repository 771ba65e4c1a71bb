package io.socketlab.grader.cli;

import io.socketlab.grader.session.Suites;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code list}: the exercises and their tests, with clause, points, level and visibility. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the exercises and their tests: clause, points, level, visibility.")
final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Suites.Entry> entries = Suites.catalog();
        String exercise = null;
        for (Suites.Entry entry : entries) {
            if (!entry.exercise().equals(exercise)) {
                exercise = entry.exercise();
                int total = entries.stream().filter(e -> e.exercise().equals(entry.exercise()))
                        .mapToInt(Suites.Entry::points).sum();
                out.printf(Locale.ROOT, "%s (%d points, specs/%s.md)%n", exercise, total, exercise);
            }
            out.printf(Locale.ROOT, "  %-7s %-8s %2d  %-6s %-6s %s%s%n", entry.clause(), entry.program(),
                    entry.points(), entry.level(), entry.visibility().toLowerCase(Locale.ROOT), entry.title(),
                    entry.baseline() ? "  [baseline]" : "");
        }
        out.flush();
        return ExitCodes.FULL_MARKS;
    }
}
