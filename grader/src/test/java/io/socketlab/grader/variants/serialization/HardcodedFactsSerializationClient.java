package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mistake: sends fixed facts (hostname localhost, timestamp 2000-01-01T00:00:00Z, a made-up runtime
 * and OS) instead of this machine's; must lose SER-9.
 */
public final class HardcodedFactsSerializationClient extends SerializationClientBase {

    public static void main(String[] args) {
        new HardcodedFactsSerializationClient().run(args);
    }

    @Override
    ObjectNode report() {
        ObjectNode report = JSON.createObjectNode();
        report.put("type", "report");
        report.put("hostname", "localhost");
        report.put("timestamp", "2000-01-01T00:00:00Z");
        report.put("runtime", "Python 3.8");
        report.put("os", "Windows 10");
        return report;
    }
}
