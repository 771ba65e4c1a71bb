package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Image;
import io.socketlab.grader.model.Lang;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How a test hands its transcript, program output, pictures and measurements to the session: as JUnit report
 * entries, which the session turns into the test's outcome.
 */
public final class ReportEntries {

    public static final String TRANSCRIPT = "socketlab.transcript";
    public static final String LOG = "socketlab.log";
    /**
     * Keys of the n-th picture a test attached (1-based): {@code socketlab.image.1} holds the PNG in base64,
     * {@code socketlab.image.1.caption} and {@code socketlab.image.1.caption.es} its caption.
     */
    public static final String IMAGE = "socketlab.image.";
    /**
     * Keys of a measurement an INFO test publishes (English, Spanish) through JUnit's {@code TestReporter}; the
     * reports show it with the test.
     */
    public static final String MEASUREMENT = "socketlab.measurement";
    public static final String MEASUREMENT_ES = "socketlab.measurement.es";

    private ReportEntries() {
    }

    /** Publishes what {@code scope} gathered during the test; the transcript's notes in the report's {@code lang}. */
    static void publish(ExtensionContext context, TestScope scope, Lang lang) {
        if (!scope.transcript().isEmpty()) {
            context.publishReportEntry(Map.of(TRANSCRIPT, scope.transcript().render(lang)));
        }
        String logs = scope.logs();
        if (!logs.isBlank()) {
            context.publishReportEntry(Map.of(LOG, logs));
        }
        List<Image> images = scope.images();
        for (int n = 1; n <= images.size(); n++) {
            Image image = images.get(n - 1);
            context.publishReportEntry(Map.of(IMAGE + n, Base64.getEncoder().encodeToString(image.png()),
                    IMAGE + n + ".caption", image.caption().en(),
                    IMAGE + n + ".caption.es", image.caption().es()));
        }
    }
}
