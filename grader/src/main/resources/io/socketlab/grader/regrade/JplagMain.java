// Runs JPlag (https://github.com/jplag/JPlag) over a regrade's Java submissions. The regrade starts it as a program of
// its own, on a JDK 21+ with JPlag's jars on the classpath (java -cp 'JARS/*' JplagMain.java ...): JPlag needs a
// newer Java than the grader. Arguments: BASE_CODE_DIR SUBMISSIONS_ROOT RESULT_ZIP PAIRS_CSV.
import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.java.JavaLanguage;
import de.jplag.options.JPlagOptions;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

public class JplagMain {

    public static void main(String[] args) throws Exception {
        File baseCode = new File(args[0]);
        File submissions = new File(args[1]);
        JPlagOptions options = new JPlagOptions(new JavaLanguage(), Set.of(submissions), Set.of())
                .withBaseCodeSubmissionDirectory(baseCode);
        JPlagResult result = JPlag.run(options);
        new ReportObjectFactory(new File(args[2])).createAndSaveReport(result);
        List<JPlagComparison> comparisons = result.getAllComparisons().stream()
                .sorted(Comparator.comparingDouble(JPlagComparison::similarity).reversed()).toList();
        try (Writer out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
            out.write("first,second,average,maximum\n");
            for (JPlagComparison comparison : comparisons) {
                out.write(String.format(Locale.ROOT, "%s,%s,%.2f,%.2f%n", comparison.firstSubmission().getName(),
                        comparison.secondSubmission().getName(), 100 * comparison.similarity(),
                        100 * comparison.maximalSimilarity()));
            }
        }
    }
}
