package io.socketlab.grader.coverage;

import io.socketlab.grader.model.HarnessException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IBundleCoverage;
import org.jacoco.core.analysis.ICoverageNode;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.ExecutionDataWriter;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.report.DirectorySourceFileLocator;
import org.jacoco.report.FileMultiReportOutput;
import org.jacoco.report.IReportVisitor;
import org.jacoco.report.html.HTMLFormatter;
import org.jacoco.report.xml.XMLFormatter;

/**
 * Analyses coverage data against a module's classes and writes {@code index.html} (with the annotated sources),
 * {@code jacoco.xml} and the merged {@code jacoco.exec}.
 */
public final class CoverageReport {

    private CoverageReport() {
    }

    /**
     * Analyses the classes of {@code packages} (subfolders of {@code classesDir}, e.g. {@code io/socketlab/reference/
     * sockets}) that exist, and writes the report into {@code outDir} unless it is {@code null}.
     *
     * @param title what the report is of, e.g. {@code reference}
     */
    public static CoverageSummary write(ExecutionDataStore data, SessionInfoStore sessions, Path classesDir,
                                        Path sourcesDir, List<String> packages, String title, Path outDir) {
        try {
            CoverageBuilder builder = new CoverageBuilder();
            Analyzer analyzer = new Analyzer(data, builder);
            for (String pkg : packages) {
                Path dir = classesDir.resolve(pkg.replace('.', '/'));
                if (Files.isDirectory(dir)) {
                    analyzer.analyzeAll(dir.toFile());
                }
            }
            IBundleCoverage bundle = builder.getBundle(title);
            Path index = null;
            if (outDir != null) {
                Files.createDirectories(outDir);
                writeHtml(bundle, data, sessions, sourcesDir, outDir);
                writeXml(bundle, data, sessions, sourcesDir, outDir.resolve("jacoco.xml"));
                try (OutputStream out = Files.newOutputStream(outDir.resolve("jacoco.exec"))) {
                    ExecutionDataWriter writer = new ExecutionDataWriter(out);
                    sessions.accept(writer);
                    data.accept(writer);
                }
                index = outDir.resolve("index.html");
            }
            List<CoverageSummary.Figures> perPackage = new ArrayList<>();
            for (String pkg : packages) {
                String vmName = pkg.replace('.', '/');
                bundle.getPackages().stream().filter(p -> p.getName().equals(vmName)).findFirst()
                        .ifPresent(p -> perPackage.add(figures(pkg.substring(pkg.lastIndexOf('.') + 1), p)));
            }
            return new CoverageSummary(figures(title, bundle), perPackage, index);
        } catch (IOException e) {
            throw new HarnessException("cannot write the coverage report: " + e.getMessage(), e);
        }
    }

    private static void writeHtml(IBundleCoverage bundle, ExecutionDataStore data, SessionInfoStore sessions,
                                  Path sourcesDir, Path outDir) throws IOException {
        HTMLFormatter html = new HTMLFormatter();
        html.setOutputEncoding("UTF-8");
        IReportVisitor visitor = html.createVisitor(new FileMultiReportOutput(outDir.toFile()));
        visitor.visitInfo(sessions.getInfos(), data.getContents());
        visitor.visitBundle(bundle, new DirectorySourceFileLocator(sourcesDir.toFile(), "UTF-8", 4));
        visitor.visitEnd();
    }

    private static void writeXml(IBundleCoverage bundle, ExecutionDataStore data, SessionInfoStore sessions,
                                 Path sourcesDir, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            IReportVisitor visitor = new XMLFormatter().createVisitor(out);
            visitor.visitInfo(sessions.getInfos(), data.getContents());
            visitor.visitBundle(bundle, new DirectorySourceFileLocator(sourcesDir.toFile(), "UTF-8", 4));
            visitor.visitEnd();
        }
    }

    private static CoverageSummary.Figures figures(String name, ICoverageNode node) {
        return new CoverageSummary.Figures(name, node.getLineCounter().getCoveredCount(),
                node.getLineCounter().getTotalCount(), node.getBranchCounter().getCoveredCount(),
                node.getBranchCounter().getTotalCount());
    }
}
