package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Project;

/**
 * {@code @RegisterExtension} with {@link FakeCodeBuildExtension#builder()}: a static field owns a
 * class's fake, an instance field gives each test its own, and the builder's region, account, clock
 * and client customizer reach the fake and its clients.
 */
class ProgrammaticRegistrationTests {

    private static final Instant FIXED = Instant.parse("2026-03-01T12:00:00Z");

    @BeforeEach
    void forgetEarlierRuns() {
        StaticFieldTestCase.seen.clear();
        StaticFieldTestCase.operations.clear();
        InstanceFieldTestCase.seen.clear();
        StaticFieldWithNestedTestCase.seen.clear();
        AbstractStaticFieldTestCase.seen.clear();
    }

    @Test
    void aStaticFieldGivesTheClassOneFakeWithTheBuildersSettings() {
        EngineExecutionResults results = FixtureRunner.run(StaticFieldTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertStaticFieldSeen();
    }

    @Test
    void classesRunningAtTheSameTimeEachKeepTheFakeTheirFieldGives() {
        EngineExecutionResults results =
                FixtureRunner.runInParallel(
                        StaticFieldTestCase.class,
                        InstanceFieldTestCase.class,
                        StaticFieldWithNestedTestCase.class,
                        FirstSubclassTestCase.class,
                        SecondSubclassTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(8).succeeded(8));
        assertStaticFieldSeen();
        assertInstanceFieldSeen();
        assertNestedSeen();
        assertSubclassesSeen();
        assertThat(
                        List.of(
                                StaticFieldTestCase.seen.get("first endpoint"),
                                InstanceFieldTestCase.seen.get("first endpoint"),
                                InstanceFieldTestCase.seen.get("second endpoint"),
                                StaticFieldWithNestedTestCase.seen.get("outer"),
                                AbstractStaticFieldTestCase.seen.get(
                                        FirstSubclassTestCase.class.getName()),
                                AbstractStaticFieldTestCase.seen.get(
                                        SecondSubclassTestCase.class.getName())))
                .doesNotHaveDuplicates();
    }

    private static void assertStaticFieldSeen() {
        Project created = (Project) StaticFieldTestCase.seen.get("created");
        assertThat(created.arn())
                .isEqualTo("arn:aws:codebuild:eu-west-1:111122223333:project/made-in-test");
        // The clock stands still, so each time the fake fills in is one millisecond later.
        assertThat(StaticFieldTestCase.seen.get("seeded created")).isEqualTo(FIXED);
        assertThat(created.created()).isEqualTo(FIXED.plusMillis(1));
        assertThat(StaticFieldTestCase.seen.get("first endpoint"))
                .isEqualTo(StaticFieldTestCase.seen.get("second endpoint"));
        assertThat(StaticFieldTestCase.seen.get("second projects")).isEqualTo(List.of("seeded"));
        assertThat(StaticFieldTestCase.operations).containsExactly("CreateProject", "ListProjects");
        assertThat(StaticFieldTestCase.seen.get("max attempts")).isEqualTo(1);
    }

    @Test
    void anInstanceFieldGivesEachTestAFakeOfItsOwnThatStopsWithTheTest() {
        EngineExecutionResults results = FixtureRunner.run(InstanceFieldTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertInstanceFieldSeen();
    }

    private static void assertInstanceFieldSeen() {
        assertThat(InstanceFieldTestCase.seen.get("first endpoint"))
                .isNotEqualTo(InstanceFieldTestCase.seen.get("second endpoint"));
        FakeCodeBuildState first = (FakeCodeBuildState) InstanceFieldTestCase.seen.get("first");
        assertThatThrownBy(first::projects)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "The fake CodeBuild of test first() of"
                                + " dev.fakecodebuild.junit.ProgrammaticRegistrationTests$InstanceFieldTestCase"
                                + " has stopped: its test has finished, so its state and client can"
                                + " no longer be used");
    }

    @Test
    void nestedClassesShareTheFakeOfTheStaticField() {
        EngineExecutionResults results = FixtureRunner.run(StaticFieldWithNestedTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertNestedSeen();
    }

    private static void assertNestedSeen() {
        assertThat(StaticFieldWithNestedTestCase.seen.get("outer"))
                .isEqualTo(StaticFieldWithNestedTestCase.seen.get("inner"));
        assertThat(StaticFieldWithNestedTestCase.seen.get("inner projects"))
                .isEqualTo(List.of("from-outer-before-all"));
    }

    @Test
    void eachSubclassOfAClassWithAStaticFieldGetsAFakeOfItsOwn() {
        EngineExecutionResults results =
                FixtureRunner.run(FirstSubclassTestCase.class, SecondSubclassTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertSubclassesSeen();
    }

    private static void assertSubclassesSeen() {
        assertThat(AbstractStaticFieldTestCase.seen).hasSize(2);
        assertThat(AbstractStaticFieldTestCase.seen.get(FirstSubclassTestCase.class.getName()))
                .isNotEqualTo(
                        AbstractStaticFieldTestCase.seen.get(
                                SecondSubclassTestCase.class.getName()));
    }

    @Test
    void theAnnotationTogetherWithAFieldIsRefused() {
        EngineExecutionResults results = FixtureRunner.run(AnnotationAndFieldTestCase.class);

        assertClassFailed(
                results,
                AnnotationAndFieldTestCase.class,
                "dev.fakecodebuild.junit.ProgrammaticRegistrationTests$AnnotationAndFieldTestCase"
                        + " gets two fakes:"
                        + " dev.fakecodebuild.junit.ProgrammaticRegistrationTests$AnnotationAndFieldTestCase"
                        + " has @FakeCodeBuild, and field fake of"
                        + " dev.fakecodebuild.junit.ProgrammaticRegistrationTests$AnnotationAndFieldTestCase"
                        + " registers a FakeCodeBuildExtension. Use one: remove the annotation to"
                        + " configure the fake in the field, or remove the field");
    }

    @Test
    void twoFieldsAreRefused() {
        EngineExecutionResults results = FixtureRunner.run(TwoFieldsTestCase.class);

        assertClassFailed(
                results,
                TwoFieldsTestCase.class,
                "dev.fakecodebuild.junit.ProgrammaticRegistrationTests$TwoFieldsTestCase gets two"
                        + " fakes: field first of"
                        + " dev.fakecodebuild.junit.ProgrammaticRegistrationTests$TwoFieldsTestCase"
                        + " and field second of"
                        + " dev.fakecodebuild.junit.ProgrammaticRegistrationTests$TwoFieldsTestCase"
                        + " both register a FakeCodeBuildExtension. Keep one field");
    }

    @Test
    void anInstanceFieldCannotServeABeforeAllMethod() {
        EngineExecutionResults results = FixtureRunner.run(InstanceFieldBeforeAllTestCase.class);

        results.allEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(InstanceFieldBeforeAllTestCase.class),
                                finishedWithFailure(
                                        instanceOf(ParameterResolutionException.class),
                                        message(
                                                "A FakeCodeBuildExtension in an instance field"
                                                        + " gives each test a fake of its own, so"
                                                        + " nothing outside a test can have one:"
                                                        + " register it in a static field to seed"
                                                        + " the fake for the whole class"))));
    }

    @Test
    void theBuilderRefusesARegionOrAccountIdAsItIsSet() {
        assertThatThrownBy(() -> FakeCodeBuildExtension.builder().region("Mars"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("region(\"Mars\") is not a region name: use one such as \"us-east-1\"");
        assertThatThrownBy(() -> FakeCodeBuildExtension.builder().accountId("42"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "accountId(\"42\") is not an AWS account id: use 12 digits, such as"
                                + " \"123456789012\"");
        assertThatThrownBy(() -> FakeCodeBuildExtension.builder().clock(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("clock");
    }

    private static void assertClassFailed(
            EngineExecutionResults results, Class<?> fixture, String expectedMessage) {
        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(fixture),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(expectedMessage))));
    }

    // ---------------------------------------------------------------------------------------

    /** Records the operation of every call made by a client the fake injects. */
    static final class OperationRecorder implements ExecutionInterceptor {

        private final List<String> operations;

        OperationRecorder(List<String> operations) {
            this.operations = operations;
        }

        @Override
        public void beforeExecution(
                Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
            operations.add(executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticFieldTestCase {

        static final Map<String, Object> seen = new ConcurrentHashMap<>();
        static final List<String> operations = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static final FakeCodeBuildExtension fake =
                FakeCodeBuildExtension.builder()
                        .region("eu-west-1")
                        .accountId("111122223333")
                        .clock(Clock.fixed(FIXED, ZoneOffset.UTC))
                        .customizeClients(
                                client ->
                                        client.overrideConfiguration(
                                                c ->
                                                        c.addExecutionInterceptor(
                                                                new OperationRecorder(operations))))
                        .build();

        @BeforeAll
        static void seed(FakeCodeBuildState state) {
            seen.put("seeded created", state.addProject("seeded").created());
            FixtureRunner.rendezvous();
        }

        @Test
        @Order(1)
        void first(CodeBuildClient client, FakeCodeBuildState state) {
            seen.put("created", client.createProject(projectRequest("made-in-test")).project());
            seen.put("first endpoint", state.endpoint());
            seen.put(
                    "max attempts",
                    client.serviceClientConfiguration()
                            .overrideConfiguration()
                            .retryStrategy()
                            .orElseThrow()
                            .maxAttempts());
        }

        @Test
        @Order(2)
        void second(CodeBuildClient client, FakeCodeBuildState state) {
            seen.put("second projects", client.listProjects(r -> {}).projects());
            seen.put("second endpoint", state.endpoint());
        }
    }

    static software.amazon.awssdk.services.codebuild.model.CreateProjectRequest projectRequest(
            String name) {
        return software.amazon.awssdk.services.codebuild.model.CreateProjectRequest.builder()
                .name(name)
                .source(s -> s.type("NO_SOURCE").buildspec("version: 0.2"))
                .artifacts(a -> a.type("NO_ARTIFACTS"))
                .environment(
                        e ->
                                e.type("LINUX_CONTAINER")
                                        .image("aws/codebuild/standard:7.0")
                                        .computeType("BUILD_GENERAL1_SMALL"))
                .serviceRole("arn:aws:iam::111122223333:role/codebuild")
                .build();
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InstanceFieldTestCase {

        static final Map<String, Object> seen = new ConcurrentHashMap<>();

        @RegisterExtension
        final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @BeforeEach
        void seed(FakeCodeBuildState state) {
            assertThat(state.projects()).isEmpty();
            state.addProject("per-test");
        }

        @Test
        @Order(1)
        void first(CodeBuildClient client, FakeCodeBuildState state) {
            assertThat(client.listProjects(r -> {}).projects()).containsExactly("per-test");
            seen.put("first endpoint", state.endpoint());
            seen.put("first", state);
        }

        @Test
        @Order(2)
        void second(CodeBuildClient client, FakeCodeBuildState state) {
            assertThat(client.listProjects(r -> {}).projects()).containsExactly("per-test");
            seen.put("second endpoint", state.endpoint());
        }
    }

    static class StaticFieldWithNestedTestCase {

        static final Map<String, Object> seen = new ConcurrentHashMap<>();

        @RegisterExtension
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @BeforeAll
        static void seed(FakeCodeBuildState state) {
            state.addProject("from-outer-before-all");
            FixtureRunner.rendezvous();
        }

        @Test
        void outer(FakeCodeBuildState state) {
            seen.put("outer", state.endpoint());
        }

        @Nested
        class Inner {

            @Test
            void inner(CodeBuildClient client, FakeCodeBuildState state) {
                seen.put("inner", state.endpoint());
                seen.put("inner projects", client.listProjects(r -> {}).projects());
            }
        }
    }

    abstract static class AbstractStaticFieldTestCase {

        static final Map<String, URI> seen = new ConcurrentHashMap<>();

        @RegisterExtension
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @Test
        void endpoint(FakeCodeBuildState state) {
            seen.put(getClass().getName(), state.endpoint());
        }
    }

    static class FirstSubclassTestCase extends AbstractStaticFieldTestCase {}

    static class SecondSubclassTestCase extends AbstractStaticFieldTestCase {}

    @FakeCodeBuild
    static class AnnotationAndFieldTestCase {

        @RegisterExtension
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @Test
        void test(FakeCodeBuildState state) {}
    }

    static class TwoFieldsTestCase {

        @RegisterExtension
        static final FakeCodeBuildExtension first = FakeCodeBuildExtension.builder().build();

        @RegisterExtension
        static final FakeCodeBuildExtension second = FakeCodeBuildExtension.builder().build();

        @Test
        void test() {}
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class InstanceFieldBeforeAllTestCase {

        @RegisterExtension
        final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @BeforeAll
        void seed(FakeCodeBuildState state) {}

        @Test
        void test() {}
    }
}
