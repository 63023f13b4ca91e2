package dev.fakecodebuild.internal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which JUnit Jupiter versions the fake refuses, and how it says so. */
class JupiterVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"5.12.2", "5.13.4", "5.9.1", "4.13.2"})
    void refusesVersionsBeforeFiveFourteen(String version) {
        assertThat(JupiterVersion.problem(version))
                .contains(
                        "fake-codebuild needs JUnit Jupiter 5.14 or later, but junit-jupiter-api "
                                + version
                                + " is on the class path: upgrade JUnit, for example by"
                                + " importing org.junit:junit-bom 5.14.0 or later");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.14.0", "5.14.4", "5.15.0-M1", "6.0.0", "6.1.3", "10.0.0"})
    void acceptsFiveFourteenAndLater(String version) {
        assertThat(JupiterVersion.problem(version)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "unknown", "five.fourteen"})
    void acceptsAVersionItCannotRead(String version) {
        assertThat(JupiterVersion.problem(version)).isEmpty();
    }

    @Test
    void acceptsAnUnknownVersion() {
        assertThat(JupiterVersion.problem(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.12.2", "5.13.4"})
    void namesAnOlderEngineNextToANewerApi(String version) {
        assertThat(JupiterVersion.problem("junit-jupiter-engine", version))
                .contains(
                        "fake-codebuild needs JUnit Jupiter 5.14 or later, but"
                                + " junit-jupiter-engine "
                                + version
                                + " is on the class path: upgrade JUnit, for example by"
                                + " importing org.junit:junit-bom 5.14.0 or later");
    }

    @Test
    void readsTheEngineFromTheContextItMade() {
        assertThat(JupiterVersion.engineVersion(context))
                .isNotNull()
                .isEqualTo(ExtensionContext.class.getPackage().getImplementationVersion());
    }

    @Test
    void theJupiterThisSuiteRunsOnPasses() {
        assertThat(ExtensionContext.class.getPackage().getImplementationVersion()).isNotNull();

        assertThatCode(() -> JupiterVersion.check(context)).doesNotThrowAnyException();
    }

    private static ExtensionContext context;

    /** Keeps the context the running engine made for each test. */
    @RegisterExtension static final BeforeEachCallback KEEP_CONTEXT = given -> context = given;
}
