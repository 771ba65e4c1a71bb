package io.socketlab.grader.coverage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Line and branch totals of one coverage report, overall and per package.
 *
 * @param packages one entry per package analysed, e.g. {@code sockets}, in the order they were analysed
 * @param report   the HTML report's index page, or {@code null} when no report was written
 */
public record CoverageSummary(Figures total, List<Figures> packages, Path report) {

    public CoverageSummary {
        packages = List.copyOf(packages);
    }

    /** Covered and total lines and branches of one part. */
    public record Figures(String name, int coveredLines, int lines, int coveredBranches, int branches) {

        public double linePercent() {
            return percent(coveredLines, lines);
        }

        public double branchPercent() {
            return percent(coveredBranches, branches);
        }

        /** {@code lines 812/845 (96.1 %), branches 301/340 (88.5 %)}. */
        public String describe() {
            return String.format(Locale.ROOT, "lines %d/%d (%.1f %%), branches %d/%d (%.1f %%)",
                    coveredLines, lines, linePercent(), coveredBranches, branches, branchPercent());
        }

        private static double percent(int covered, int total) {
            return total == 0 ? 100.0 : 100.0 * covered / total;
        }
    }

    /** The console's lines: the total, then one line per package. */
    public List<String> consoleLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Coverage of " + total.name() + ": " + total.describe());
        for (Figures figures : packages) {
            lines.add(String.format(Locale.ROOT, "  %-14s %s", figures.name(), figures.describe()));
        }
        if (report != null) {
            lines.add("  report: " + report);
        }
        return lines;
    }

    /** A Markdown table of the figures, per package then the total. */
    public String markdownTable() {
        StringBuilder table = new StringBuilder("| package | lines | line % | branches | branch % |\n|---|---:|---:|---:|---:|\n");
        for (Figures figures : packages) {
            row(table, figures.name(), figures);
        }
        row(table, "**total**", total);
        return table.toString();
    }

    private static void row(StringBuilder table, String name, Figures figures) {
        table.append(String.format(Locale.ROOT, "| %s | %d/%d | %.1f | %d/%d | %.1f |%n", name, figures.coveredLines(),
                figures.lines(), figures.linePercent(), figures.coveredBranches(), figures.branches(),
                figures.branchPercent()));
    }
}
