package io.socketlab.grader.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.session.Suites;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests can stay hidden only if they live apart: the public grader jar leaves out every package
 * {@code suites.<exercise>.hidden}, so a test is hidden exactly when its class is in one.
 */
class HiddenSuitesTests {

    @Test
    void aTestIsHiddenExactlyWhenItsSuiteIsInAHiddenPackage() {
        List<Method> tests = RequirementTextsTests.gradedTests();
        assertThat(tests).isNotEmpty();
        for (Method test : tests) {
            boolean inHiddenPackage = test.getDeclaringClass().getPackageName().endsWith(".hidden");
            Visibility visibility = test.getAnnotation(Requirement.class).visibility();
            assertThat(visibility == Visibility.HIDDEN).as(test.getDeclaringClass().getSimpleName() + "."
                    + test.getName() + " is " + visibility + " in " + test.getDeclaringClass().getPackageName())
                    .isEqualTo(inHiddenPackage);
        }
    }

    @Test
    void aHiddenSuiteStartsItsExercisesServerAsThePublicSuitesDo() {
        List<Class<?>> suites = RequirementTextsTests.gradedTests().stream().<Class<?>>map(Method::getDeclaringClass)
                .distinct().toList();
        List<Class<?>> hidden = suites.stream().filter(c -> c.getPackageName().endsWith(".hidden")).toList();
        assertThat(hidden).isNotEmpty();
        for (Class<?> suite : hidden) {
            String exercisePackage = suite.getPackageName().substring(0, suite.getPackageName().lastIndexOf('.'));
            Class<?> visible = suites.stream().filter(c -> c.getPackageName().equals(exercisePackage)).findFirst()
                    .orElseThrow(() -> new AssertionError(suite.getName() + " hides tests of an exercise with no public suite"));
            assertThat(Declarations.serverSetup(suite)).as(suite.getSimpleName()).isEqualTo(Declarations.serverSetup(visible));
        }
    }

    @Test
    void theCatalogListsTheHiddenTestsOfTheFullGrader() {
        assertThat(Suites.catalog()).filteredOn(e -> e.visibility().equals("HIDDEN")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.baseline()).as("a hidden test is never a baseline").isFalse());
    }
}
