package io.socketlab.grader.report;

import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a report links a clause: {@code BASE<exercise>.md#<clause>}, the Spanish spec ({@code BASE es/...}) in a
 * Spanish report. The base is the course's published specs when given ({@code --spec-url}); otherwise the
 * repository's {@code specs/} folder, relative to the folder the report is written to, so the link works where
 * the report is opened.
 */
public final class SpecLinks {

    private final String base;
    private final Path localSpecs;

    private SpecLinks(String base, Path localSpecs) {
        this.base = base;
        this.localSpecs = localSpecs;
    }

    /** Links under {@code url} (a folder URL; a missing final slash is added). */
    public static SpecLinks published(String url) {
        return new SpecLinks(url.endsWith("/") ? url : url + "/", null);
    }

    /**
     * Links from {@code reportDir} to {@code specs}, the repository's specs folder, when it exists; otherwise
     * {@code specs/...} as written in the reports' text.
     */
    public static SpecLinks relative(Path reportDir, Optional<Path> specs) {
        if (reportDir == null || specs.isEmpty() || !Files.isDirectory(specs.get())) {
            return new SpecLinks("specs/", null);
        }
        Path from = reportDir.toAbsolutePath().normalize();
        Path to = specs.get().toAbsolutePath().normalize();
        String relative = from.relativize(to).toString().replace('\\', '/');
        return new SpecLinks(relative.isEmpty() ? "" : relative + "/", to);
    }

    /** The link to {@code outcome}'s clause, in {@code lang}'s spec when there is one. */
    public String link(TestOutcome outcome, Lang lang) {
        String anchor = outcome.clause().toLowerCase(Locale.ROOT);
        String file = outcome.exercise() + ".md";
        boolean spanish = lang == Lang.ES
                && (localSpecs == null || Files.isRegularFile(localSpecs.resolve("es").resolve(file)));
        return base + (spanish ? "es/" : "") + file + "#" + anchor;
    }
}
