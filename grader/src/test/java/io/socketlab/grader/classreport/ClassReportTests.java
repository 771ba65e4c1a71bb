package io.socketlab.grader.classreport;

import static io.socketlab.grader.classreport.SampleResults.echo1;
import static io.socketlab.grader.classreport.SampleResults.sock1;
import static io.socketlab.grader.classreport.SampleResults.sock2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketlab.grader.classreport.ClassReport.NameFrom;
import io.socketlab.grader.classreport.ClassReport.Student;
import io.socketlab.grader.classreport.ClassReport.TestRate;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class report over the four students of {@link SampleResults}. */
class ClassReportTests {

    @TempDir
    Path dir;

    @Test
    void namesEachStudentAfterTheFolderHoldingTheirResultsAndSortsThem() throws IOException {
        ClassReport report = ClassReport.load(List.of(SampleResults.writeClass(dir.resolve("grades"))), NameFrom.PARENT);

        assertThat(report.students()).extracting(Student::name).containsExactly("alice", "carol", "dave", "Smith, Bob");
    }

    @Test
    void namesEachStudentAfterTheirFileWhenAsked() throws IOException {
        SampleResults.write(dir.resolve("alice.json"), sock1("PASS"));
        Path bob = SampleResults.write(dir.resolve("more/bob.json"), sock1("FAIL"));

        assertThat(ClassReport.load(List.of(dir), NameFrom.FILE).students()).extracting(Student::name)
                .containsExactly("alice", "bob");
        assertThat(ClassReport.load(List.of(bob), NameFrom.FILE).students()).extracting(Student::name)
                .containsExactly("bob");
    }

    @Test
    void writesOneGradebookRowPerStudentQuotingANameWithAComma() throws IOException {
        String csv = written(ClassReportWriter.GRADEBOOK_FILE);

        assertThat(csv).isEqualTo("""
                student,score,max_score,percent,sockets,echo\r
                alice,8,8,100.0,4,4\r
                carol,0,8,0.0,0,0\r
                dave,2,4,50.0,2,\r
                "Smith, Bob",5,7,71.4,2,3\r
                """);
    }

    @Test
    void listsEachTestsVerdictsAndPassRateHardestFirst() throws IOException {
        String csv = written(ClassReportWriter.TESTS_FILE);

        assertThat(csv).isEqualTo("""
                exercise,clause,name,max_score,passed,failed,blocked,not_submitted,error,pass_rate\r
                sockets,SOCK-2,"SOCK-2 counts UTF-8 bytes, not characters",2,1,2,1,0,0,25.0\r
                echo,ECHO-2,"ECHO-2 answers ""BYE""\",1,1,0,0,1,1,33.3\r
                echo,ECHO-1,ECHO-1 echoes each line,3,2,0,0,1,0,66.7\r
                sockets,SOCK-1,SOCK-1 says HELLO <name>,2,3,1,0,0,0,75.0\r
                """);
    }

    @Test
    void aPassRateCountsOnlyTheStudentsWhoHadTheTest() throws IOException {
        ClassReport report = ClassReport.load(List.of(SampleResults.writeClass(dir)), NameFrom.PARENT);

        TestRate echo1 = report.testRates().stream().filter(t -> t.clause().equals("ECHO-1")).findFirst().orElseThrow();
        assertThat(echo1.students()).as("dave was not graded on echo").isEqualTo(3);
        assertThat(echo1.passRate()).isEqualTo(200.0 / 3);
    }

    @Test
    void summarisesTheClassInMarkdown() throws IOException {
        String md = written(ClassReportWriter.SUMMARY_FILE);

        assertThat(md).startsWith("""
                # Class report

                | students | mean | median | min | max |
                |---:|---:|---:|---:|---:|
                | 4 | 55.4 % | 60.7 % | 0.0 % | 100.0 % |

                ![histogram](histogram.png)
                """);
        assertThat(md).contains("""
                | exercise | mean score | max score | mean | students |
                |---|---:|---:|---:|---:|
                | sockets | 2.0 | 4 | 50.0 % | 4 |
                | echo | 2.3 | 4 | 58.3 % | 3 |
                """);
        assertThat(md).contains("""
                | sockets | SOCK-2 counts UTF-8 bytes, not characters | 25.0 % | 1 | 2 | 1 | 0 | 0 |
                | echo | ECHO-2 answers "BYE" | 33.3 % | 1 | 0 | 0 | 1 | 1 |
                | echo | ECHO-1 echoes each line | 66.7 % | 2 | 0 | 0 | 1 | 0 |
                | sockets | SOCK-1 says HELLO &lt;name&gt; | 75.0 % | 3 | 1 | 0 | 0 | 0 |
                """);
    }

    @Test
    void listsAtMostTheTenHardestTestsInTheSummary() throws IOException {
        SampleResults.Test[] tests = new SampleResults.Test[12];
        for (int i = 0; i < tests.length; i++) {
            tests[i] = new SampleResults.Test("sockets", "SOCK-" + (i + 1), "test " + (i + 1), 1, "PASS");
        }
        SampleResults.write(dir.resolve("alice/results.json"), tests);

        String md = ClassReportWriter.summaryMarkdown(ClassReport.load(List.of(dir), NameFrom.PARENT));

        assertThat(md.substring(md.indexOf("## Hardest tests"), md.indexOf("## Hardest clauses")).lines()
                .filter(l -> l.startsWith("| sockets |"))).hasSize(ClassReportWriter.HARDEST_TESTS);
    }

    @Test
    void aClauseIsPassedWholeOnlyByStudentsWhoPassedEveryOneOfItsTests() throws IOException {
        SampleResults.write(dir.resolve("alice/results.json"),
                new SampleResults.Test("sockets", "SOCK-2", "a", 2, "PASS"),
                new SampleResults.Test("sockets", "SOCK-2", "b", 1, "PASS"),
                new SampleResults.Test("sockets", "SOCK-10", "c", 1, "PASS"));
        SampleResults.write(dir.resolve("bob/results.json"),
                new SampleResults.Test("sockets", "SOCK-2", "a", 2, "PASS"),
                new SampleResults.Test("sockets", "SOCK-2", "b", 1, "FAIL"),
                new SampleResults.Test("sockets", "SOCK-10", "c", 1, "PASS"));

        List<ClassReport.ClauseRate> rates = ClassReport.load(List.of(dir), NameFrom.PARENT).clauseRates();

        assertThat(rates).containsExactly(new ClassReport.ClauseRate("sockets", "SOCK-2", 2, 1, 5, 6),
                new ClassReport.ClauseRate("sockets", "SOCK-10", 2, 2, 2, 2));
        assertThat(rates.get(0).passRate()).isEqualTo(50.0);
    }

    @Test
    void bucketsScoresByTenPercentWithFullMarksInTheLastBucket() throws IOException {
        ClassReport report = ClassReport.load(List.of(SampleResults.writeClass(dir)), NameFrom.PARENT);

        assertThat(report.histogram()).containsExactly(1, 0, 0, 0, 0, 1, 0, 1, 0, 1);
    }

    @Test
    void drawsTheHistogramAsAReadablePng() throws IOException {
        Path out = dir.resolve("out");
        ClassReportWriter.write(ClassReport.load(List.of(SampleResults.writeClass(dir.resolve("grades"))),
                NameFrom.PARENT), out);

        BufferedImage image = ImageIO.read(out.resolve(ClassReportWriter.HISTOGRAM_FILE).toFile());

        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        assertThat(image.getWidth()).isEqualTo(ClassReportWriter.HISTOGRAM_WIDTH);
        assertThat(image.getHeight()).isEqualTo(ClassReportWriter.HISTOGRAM_HEIGHT);
        assertThat(colours(image)).as("bars, text and background").hasSizeGreaterThan(3);
    }

    @Test
    void aMissingPathIsRejectedByName() {
        Path missing = dir.resolve("nobody");

        assertThatThrownBy(() -> ClassReport.load(List.of(missing), NameFrom.PARENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no such file or folder: " + missing);
    }

    @Test
    void aFolderWithoutResultsIsRejectedByName() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> ClassReport.load(List.of(dir.resolve("empty")), NameFrom.PARENT))
                .hasMessage("no results.json found under " + dir.resolve("empty"));
    }

    @Test
    void aFileThatIsNotJsonIsRejectedByName() throws IOException {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("eve")).resolve("results.json"), "score: 3\n");

        assertThatThrownBy(() -> ClassReport.load(List.of(file), NameFrom.PARENT))
                .hasMessageStartingWith("not a valid results.json: " + file + ": not JSON (")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aTestWithoutAVerdictIsRejectedNamingTheFileAndTheField() throws IOException {
        Path file = SampleResults.write(dir.resolve("eve/results.json"), sock1("PASS"), sock2("FAIL"));
        Files.writeString(file, Files.readString(file).replace("\"verdict\" : \"FAIL\",", ""));

        assertThatThrownBy(() -> ClassReport.load(List.of(file), NameFrom.PARENT))
                .hasMessage("not a valid results.json: " + file + ": 'tests[1].verdict' is missing or not a string");
    }

    @Test
    void twoFilesForTheSameStudentAreRejected() throws IOException {
        Path first = SampleResults.write(dir.resolve("a/alice/results.json"), sock1("PASS"));
        Path second = SampleResults.write(dir.resolve("b/alice/results.json"), echo1("PASS"));

        assertThatThrownBy(() -> ClassReport.load(List.of(dir), NameFrom.PARENT))
                .hasMessage("two results for student 'alice': " + first + " and " + second);
    }

    @Test
    void aFileNamedTwiceCountsOnce() throws IOException {
        Path alice = SampleResults.write(dir.resolve("alice/results.json"), sock1("PASS"));

        assertThat(ClassReport.load(List.of(dir, alice), NameFrom.PARENT).students()).hasSize(1);
    }

    /** The class's report written to {@code dir/out}, one file of it read back. */
    private String written(String file) throws IOException {
        Path out = dir.resolve("out");
        ClassReportWriter.write(ClassReport.load(List.of(SampleResults.writeClass(dir.resolve("grades"))),
                NameFrom.PARENT), out);
        return Files.readString(out.resolve(file), StandardCharsets.UTF_8);
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 4) {
            for (int y = 0; y < image.getHeight(); y += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours;
    }
}
