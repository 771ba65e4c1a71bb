package io.socketlab.grader.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.Text;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every phrase of the language says it in Spanish too: a Spanish report has no English left in its facts. */
class FactsTests {

    /** Phrases that are data, the same in both languages: quoted values, sizes, counts. */
    private static final Set<String> DATA = Set.of("quoted", "bytes", "bytesCount", "sent");

    @Test
    void everyPhraseHasItsOwnSpanish() throws Exception {
        List<Method> phrases = Arrays.stream(Facts.class.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Text.class)
                .filter(m -> !DATA.contains(m.getName()))
                .toList();
        assertThat(phrases).hasSizeGreaterThan(25);
        for (Method phrase : phrases) {
            phrase.setAccessible(true);
            Object[] arguments = Arrays.stream(phrase.getParameterTypes()).map(FactsTests::sample).toArray();
            Text text = (Text) phrase.invoke(null, arguments);
            assertThat(text.es()).as(phrase.getName()).isNotBlank().isNotEqualTo(text.en());
        }
    }

    private static Object sample(Class<?> type) {
        if (type == Facts.Peer.class) {
            return Facts.Peer.CLIENT;
        }
        if (type == Text.class) {
            return Text.same("\"x\"");
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(5);
        }
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 3 : (Object) 3L;
        }
        if (type == byte[].class) {
            return Bytes.utf8("abc");
        }
        if (type == String.class) {
            return "Connection reset";
        }
        if (type == Payload.class) {
            return Payload.random(new Random(1), 1 << 20);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
