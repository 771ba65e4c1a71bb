package io.socketlab.grader.conformance;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.SearchOption;

/** What a conformance test declares through its annotations, read the same way by the extension and the session. */
public final class Declarations {

    /** The last segment of the packages whose suites students never see (left out of the public grader). */
    private static final String HIDDEN_PACKAGE = ".hidden";

    private Declarations() {
    }

    /** The suite a test class belongs to: its own {@link ExerciseSuite}, or its enclosing class's for {@code @Nested}. */
    public static Optional<ExerciseSuite> findSuite(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, ExerciseSuite.class, SearchOption.INCLUDE_ENCLOSING_CLASSES);
    }

    public static ExerciseSuite suite(Class<?> testClass) {
        return findSuite(testClass).orElseThrow(() -> new IllegalStateException(testClass.getName()
                + " is not in an @ExerciseSuite class"));
    }

    public static ProgramKey program(Class<?> testClass) {
        ExerciseSuite suite = suite(testClass);
        return new ProgramKey(suite.exercise(), suite.program());
    }

    /**
     * How the server of the exercise whose suites live in {@code testClass}'s package is started. A hidden suite
     * ({@code suites.<exercise>.hidden}) shares its exercise's server, so it reads the exercise package's declaration.
     */
    public static Optional<ServerSetup> serverSetup(Class<?> testClass) {
        String name = testClass.getPackageName();
        if (!name.endsWith(HIDDEN_PACKAGE)) {
            return Optional.ofNullable(testClass.getPackage().getAnnotation(ServerSetup.class));
        }
        String exercisePackage = name.substring(0, name.length() - HIDDEN_PACKAGE.length());
        try {
            Class<?> packageInfo = Class.forName(exercisePackage + ".package-info", false, testClass.getClassLoader());
            return Optional.ofNullable(packageInfo.getPackage().getAnnotation(ServerSetup.class));
        } catch (ClassNotFoundException noPackageInfo) {
            return Optional.empty();
        }
    }

    public static boolean isBaseline(Method test) {
        return test.isAnnotationPresent(Baseline.class);
    }

    public static boolean runsAlone(Method test) {
        return test.isAnnotationPresent(RunsAlone.class);
    }

    /**
     * Whether the test uses what its program's tests share (the server started once for them, the code under test):
     * such tests run one after another, in order; every other test has fixtures of its own and may run beside them.
     */
    public static boolean usesSharedProgram(Method test) {
        boolean freshServer = suite(test.getDeclaringClass()).freshServerPerTest();
        return Arrays.stream(test.getParameters()).map(Parameter::getType).anyMatch(type ->
                type == CodeUnderTest.class || (type == ServerUnderTest.class && !freshServer));
    }
}
