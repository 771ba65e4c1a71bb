package io.socketlab.grader.model;

/** Why a test failed, as a student would want to know it. */
public enum FailureKind {
    WRONG_OUTPUT(Text.of("wrong output", "salida incorrecta")),
    TIMEOUT(Text.of("timeout", "tiempo agotado")),
    CRASHED(Text.of("crashed", "el programa terminó")),
    CLOSED_UNEXPECTEDLY(Text.of("closed unexpectedly", "conexión cerrada inesperadamente")),
    INTEGRITY(Text.of("integrity", "integridad"));

    private final Text label;

    FailureKind(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }
}
