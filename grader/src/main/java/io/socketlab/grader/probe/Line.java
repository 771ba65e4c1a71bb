package io.socketlab.grader.probe;

import io.socketlab.grader.model.Text;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * What a line must look like when the contract allows more than one exact value, with its description for a student:
 * {@code Line.startingWith("HELLO ")}, {@code Line.anyOf(Line.exactly("RECEIVED 4"), Line.startingWith("ERR "))}.
 *
 * @param test        whether a line (without its line ending) has this shape
 * @param description the shape as the failure's "expected" states it
 */
public record Line(Predicate<String> test, Text description) {

    /** Exactly this line. */
    public static Line exactly(String line) {
        return new Line(line::equals, Facts.quoted(line));
    }

    /** {@code prefix} followed by something that is not only spaces: {@code "HELLO "} and a name. */
    public static Line startingWith(String prefix) {
        return new Line(line -> line.startsWith(prefix) && !line.substring(prefix.length()).isBlank(),
                Text.format("a line %s followed by more than spaces", "una línea %s seguida de algo más que espacios",
                        Bytes.quote(prefix)));
    }

    /** Any of these shapes. */
    public static Line anyOf(Line... shapes) {
        Text description = shapes[0].description();
        for (int i = 1; i < shapes.length; i++) {
            description = description.plus(Text.of(i == shapes.length - 1 ? " or " : ", ",
                    i == shapes.length - 1 ? " o " : ", ")).plus(shapes[i].description());
        }
        return new Line(line -> Arrays.stream(shapes).anyMatch(shape -> shape.test().test(line)), description);
    }

    boolean matches(String line) {
        return test.test(line);
    }
}
