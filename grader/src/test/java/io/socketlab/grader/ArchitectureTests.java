package io.socketlab.grader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.socketlab.grader.suites.project.ArchitectureRules;
import io.socketlab.grader.suites.project.ResourcesClosed;
import org.junit.jupiter.api.Test;

/** The grader's layering, and the rules every reference and template program keeps (sockets closed among them). */
class ArchitectureTests {

    private static final JavaClasses GRADER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.socketlab.grader");

    private static final JavaClasses PROGRAMS = new ClassFileImporter()
            .importPackages("io.socketlab.reference", "io.socketlab.student");

    private static final ArchRule SOCKETS_AND_STREAMS_CLOSED = ArchitectureRules.socketsClosed();

    @Test
    void graderLayersDependInOneDirection() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("io.socketlab.grader.cli..")
                .layer("session").definedBy("io.socketlab.grader.session..")
                .layer("report").definedBy("io.socketlab.grader.report..")
                .layer("classreport").definedBy("io.socketlab.grader.classreport..")
                .layer("regrade").definedBy("io.socketlab.grader.regrade..")
                .layer("coverage").definedBy("io.socketlab.grader.coverage..")
                .layer("export").definedBy("io.socketlab.grader.export..")
                .layer("suites").definedBy("io.socketlab.grader.suites..")
                .layer("suite").definedBy("io.socketlab.grader.conformance")
                .layer("probe").definedBy("io.socketlab.grader.probe..")
                .layer("network").definedBy("io.socketlab.grader.network..")
                .layer("target").definedBy("io.socketlab.grader.process..")
                .layer("model").definedBy("io.socketlab.grader.model..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("session").mayOnlyBeAccessedByLayers("cli", "regrade")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("classreport").mayOnlyBeAccessedByLayers("cli", "regrade")
                .whereLayer("regrade").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("coverage").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("export").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("suites").mayNotBeAccessedByAnyLayer()
                .whereLayer("suite").mayOnlyBeAccessedByLayers("suites", "session")
                .whereLayer("probe").mayOnlyBeAccessedByLayers("suite", "suites")
                .whereLayer("network").mayOnlyBeAccessedByLayers("suite", "suites")
                .whereLayer("target").mayOnlyBeAccessedByLayers("suite", "suites", "session", "coverage", "regrade", "cli")
                .check(GRADER);
    }

    @Test
    void reportersNeverOpenSockets() {
        noClasses().that().resideInAPackage("io.socketlab.grader.report..")
                .should().dependOnClassesThat().resideInAPackage("java.net..")
                .check(GRADER);
    }

    @Test
    void suitesNeverWriteReportsNorStartProcessesThemselves() {
        noClasses().that().resideInAPackage("io.socketlab.grader.suites..")
                .should().dependOnClassesThat().resideInAnyPackage("io.socketlab.grader.report..", "io.socketlab.grader.session..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .check(GRADER);
    }

    @Test
    void theNetworkIsPureSocketsWithoutProcessesNorOtherGraderParts() {
        noClasses().that().resideInAPackage("io.socketlab.grader.network..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .orShould().dependOnClassesThat().resideInAnyPackage("io.socketlab.grader.process..",
                        "io.socketlab.grader.conformance..", "io.socketlab.grader.probe..", "io.socketlab.grader.report..")
                .check(GRADER);
    }

    @Test
    void programsNeverUseNativeObjectSerialization() {
        ArchitectureRules.noNativeObjectSerialization().check(PROGRAMS);
    }

    @Test
    void onlyMainMethodsExit() {
        ArchitectureRules.exitOnlyFromMain().check(PROGRAMS);
    }

    @Test
    void exercisesAreIndependentOfEachOther() {
        for (String root : new String[] {"io.socketlab.reference", "io.socketlab.student"}) {
            noClasses().that().resideInAPackage(root + ".sockets..")
                    .should().dependOnClassesThat().resideInAPackage(root + ".echo..")
                    .check(PROGRAMS);
            noClasses().that().resideInAPackage(root + ".echo..")
                    .should().dependOnClassesThat().resideInAPackage(root + ".sockets..")
                    .check(PROGRAMS);
        }
    }

    @Test
    void programsCloseTheSocketsAndStreamsTheyOpen() {
        // Not vacuous: every reference server and client opens sockets (the template's bodies are mostly empty).
        assertThat(ResourcesClosed.openers(PROGRAMS)).extracting(unit -> unit.getOwner().getSimpleName())
                .contains("EchoServer", "EchoTcpClient", "EchoUdpClient", "SocketsServer", "ChatServer", "FileTransferServer");
        SOCKETS_AND_STREAMS_CLOSED.check(PROGRAMS);
    }

    @Test
    void theCloseRuleNamesEveryLeak() {
        JavaClasses leaking = new ClassFileImporter().importPackages("io.socketlab.grader.leaks")
                .that(DescribedPredicate.describe("leaking samples",
                        c -> c.getName().contains("Leaking")));

        EvaluationResult result = SOCKETS_AND_STREAMS_CLOSED.evaluate(leaking);

        assertThat(result.getFailureReport().getDetails()).satisfiesExactlyInAnyOrder(
                leak -> assertThat(leak).contains("Leaking.fetch(", "opens a Socket"),
                leak -> assertThat(leak).contains("Leaking.serve(", "opens a Socket", "ServerSocket.accept()"),
                leak -> assertThat(leak).contains("Leaking.save(", "opens a FileOutputStream"),
                leak -> assertThat(leak).contains("Leaking.handOff(", "opens a Socket"));
    }

    @Test
    void theCloseRuleAcceptsEveryWayOfClosing() {
        JavaClasses closing = new ClassFileImporter().importPackages("io.socketlab.grader.leaks")
                .that(DescribedPredicate.describe("closing samples",
                        c -> c.getName().contains("Closing")));

        assertThat(closing).isNotEmpty();
        SOCKETS_AND_STREAMS_CLOSED.check(closing);
    }
}
