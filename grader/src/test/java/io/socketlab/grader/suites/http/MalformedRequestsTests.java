package io.socketlab.grader.suites.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.conformance.RequirementTexts;
import io.socketlab.grader.conformance.ServerUnderTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public corpus is as large as HTTP-11 promises, its names are unique, and the titles count it right. */
class MalformedRequestsTests {

    private static String title(String method) throws NoSuchMethodException {
        return RequirementTexts.title(HttpServerRequestsSuite.class.getDeclaredMethod(method, ServerUnderTest.class)).en();
    }

    @Test
    void holdsAtLeastAHundredUniquelyNamedCases() {
        List<MalformedRequests.Case> all = Stream.of(MalformedRequests.requestLines(), MalformedRequests.fieldLines(),
                MalformedRequests.framing(), MalformedRequests.bytes()).flatMap(List::stream).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(100);
        assertThat(all.stream().map(c -> c.name().en()).distinct().count()).isEqualTo(all.size());
        assertThat(all.stream().map(c -> c.name().es()).distinct().count()).isEqualTo(all.size());
        assertThat(all).allSatisfy(c -> assertThat(new String(c.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as(c.name().en()).contains("\r\n\r\n"));
    }

    @Test
    void titlesCountTheirCases() throws Exception {
        assertThat(title("refusesMalformedRequestLines")).contains("(" + MalformedRequests.requestLines().size() + " cases)");
        assertThat(title("refusesMalformedFields")).contains("(" + MalformedRequests.fieldLines().size() + " cases)");
        assertThat(title("refusesBadFraming")).contains("(" + MalformedRequests.framing().size() + " cases)");
        assertThat(title("refusesBadBytes")).contains("(" + MalformedRequests.bytes().size() + " cases)");
    }
}
