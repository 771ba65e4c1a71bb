package io.socketlab.grader.classreport;

import static io.socketlab.grader.classreport.ClassReportWriter.markdownCell;
import static io.socketlab.grader.classreport.ClassReportWriter.oneDecimal;

import io.socketlab.grader.classreport.Submission.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The class summary's parts that only a regrade has: how each submission ended, late commits, similarity. */
final class RegradeSections {

    /** How many similar pairs the summary lists. */
    static final int SIMILAR_PAIRS = 10;

    private RegradeSections() {
    }

    static Map<Status, Integer> statusCounts(ClassReport report) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        report.students().forEach(s -> report.submission(s.name())
                .ifPresent(sub -> counts.merge(sub.status(), 1, Integer::sum)));
        return counts;
    }

    /** The students the instructor should look at: not graded, late commits, dates out of order, leftovers. */
    static List<Submission> noteworthy(ClassReport report) {
        return report.students().stream().flatMap(s -> report.submission(s.name()).stream())
                .filter(s -> s.status() != Status.GRADED || !s.lateCommits().isEmpty() || s.datesOutOfOrder()
                        || s.leftovers() > 0)
                .toList();
    }

    static String notes(Submission s) {
        StringBuilder notes = new StringBuilder();
        if (!s.lateCommits().isEmpty()) {
            notes.append(s.lateCommits().size()).append(" late commit").append(s.lateCommits().size() == 1 ? "" : "s")
                    .append(" (newest ").append(s.lateCommits().get(0).committedAt()).append(")");
        }
        if (s.datesOutOfOrder()) {
            notes.append(notes.isEmpty() ? "" : "; ").append("commit dates out of order (rebase, clock or forgery)");
        }
        if (s.leftovers() > 0) {
            notes.append(notes.isEmpty() ? "" : "; ").append(s.leftovers()).append(" process")
                    .append(s.leftovers() == 1 ? "" : "es").append(" left running, killed");
        }
        if (!s.detail().isEmpty()) {
            notes.append(notes.isEmpty() ? "" : "; ").append(s.detail());
        }
        return notes.toString();
    }

    static void markdown(ClassReport report, StringBuilder md) {
        if (report.fromRegrade()) {
            Map<Status, Integer> counts = statusCounts(report);
            md.append("\n## Submissions\n\n| status | students |\n|---|---:|\n");
            for (Status status : Status.values()) {
                md.append("| ").append(status.label()).append(" | ").append(counts.getOrDefault(status, 0))
                        .append(" |\n");
            }
            List<Submission> noteworthy = noteworthy(report);
            if (!noteworthy.isEmpty()) {
                md.append("\n| student | status | commit | notes |\n|---|---|---|---|\n");
                for (Submission s : noteworthy) {
                    md.append("| ").append(markdownCell(s.username())).append(" | ").append(s.status().label())
                            .append(" | ").append(s.shortCommit().isEmpty() ? "-" : "`" + s.shortCommit() + "`")
                            .append(" | ").append(markdownCell(notes(s))).append(" |\n");
                }
            }
        }
        report.similarity().ifPresent(similarity -> {
            md.append("\n## Similarity\n\n").append(markdownCell(similarity.note())).append("\n");
            if (!similarity.pairs().isEmpty()) {
                md.append("\n| students | average | maximum |\n|---|---:|---:|\n");
                for (Similarity.Pair pair : similarity.pairs().stream().limit(SIMILAR_PAIRS).toList()) {
                    md.append("| ").append(markdownCell(pair.first())).append(" and ").append(markdownCell(pair.second()))
                            .append(" | ").append(oneDecimal(pair.averagePercent())).append(" % | ")
                            .append(oneDecimal(pair.maximumPercent())).append(" % |\n");
                }
            }
            if (!similarity.report().isEmpty()) {
                md.append("\nJPlag's report: [").append(similarity.report()).append("](").append(similarity.report())
                        .append(") (open it in JPlag's report viewer).\n");
            }
        });
    }
}
