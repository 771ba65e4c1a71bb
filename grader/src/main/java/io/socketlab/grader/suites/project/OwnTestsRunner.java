package io.socketlab.grader.suites.project;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the JUnit tests of one package in a JVM of its own (never the grader's: the tests are the student's code)
 * and prints one line per failure and a summary; exits 0 when at least one test passed and none failed.
 */
public final class OwnTestsRunner {

    private OwnTestsRunner() {
    }

    public static void main(String[] args) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(args[0]))
                .build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        for (TestExecutionSummary.Failure failure : summary.getFailures()) {
            System.out.println("FAILED " + failure.getTestIdentifier().getDisplayName() + ": " + failure.getException());
        }
        System.out.println(summaryLine(summary.getTestsFoundCount(), summary.getTestsSucceededCount(),
                summary.getTotalFailureCount(), summary.getTestsSkippedCount() + summary.getTestsAbortedCount()));
        System.out.flush();
        System.exit(summary.getTestsSucceededCount() > 0 && summary.getTotalFailureCount() == 0 ? 0 : 1);
    }

    static String summaryLine(long found, long passed, long failed, long skipped) {
        return "tests: " + found + " found, " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
