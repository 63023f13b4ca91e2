package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Project;

/**
 * Which classes share a fake: {@code @Nested} classes (plain and annotated), subclasses of an
 * annotated abstract base, and the {@code PER_CLASS} lifecycle.
 */
class NestingTests {

    @BeforeEach
    void forgetEarlierRuns() {
        NestedTestCase.seen.clear();
        AbstractAnnotatedTestCase.seen.clear();
        PerClassNestedTestCase.seen.clear();
    }

    @Test
    void aPlainNestedClassSharesTheServerAndStateOfItsEnclosingClass() {
        EngineExecutionResults results = FixtureRunner.run(NestedTestCase.class);

        assertNestedTestCaseRan(results);
        Seen outer = NestedTestCase.seen.get("outer");
        Seen plain = NestedTestCase.seen.get("plain");
        assertThat(plain.endpoint()).isEqualTo(outer.endpoint());
        assertThat(plain.state()).isSameAs(outer.state());
        assertThat(plain.client()).isSameAs(outer.client());
        assertThat(NestedTestCase.seen.get("plainConstructor").state()).isSameAs(outer.state());
        assertThat(plain.region()).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void aNestedClassWithItsOwnAnnotationGetsItsOwnServerStateAndClient() {
        EngineExecutionResults results = FixtureRunner.run(NestedTestCase.class);

        assertNestedTestCaseRan(results);
        Seen outer = NestedTestCase.seen.get("outer");
        Seen annotated = NestedTestCase.seen.get("annotated");
        assertThat(annotated.endpoint()).isNotEqualTo(outer.endpoint());
        assertThat(annotated.state()).isNotSameAs(outer.state());
        assertThat(annotated.client()).isNotSameAs(outer.client());
        assertThat(annotated.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(annotated.projects()).isEmpty();
    }

    @Test
    void aPlainClassNestedInAnAnnotatedNestedClassSharesTheNearestServer() {
        EngineExecutionResults results = FixtureRunner.run(NestedTestCase.class);

        assertNestedTestCaseRan(results);
        Seen annotated = NestedTestCase.seen.get("annotated");
        Seen deeper = NestedTestCase.seen.get("deeper");
        assertThat(deeper.endpoint()).isEqualTo(annotated.endpoint());
        assertThat(deeper.state()).isSameAs(annotated.state());
        assertThat(deeper.client()).isSameAs(annotated.client());
        assertThat(deeper.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(deeper.projects()).containsExactly("annotated-class-project");
    }

    @Test
    void eachSubclassOfAnAnnotatedBaseGetsItsOwnServerAndFreshState() {
        EngineExecutionResults results =
                FixtureRunner.run(FirstSubclassTestCase.class, SecondSubclassTestCase.class);

        assertSubclassesRan(results);
    }

    @Test
    void thePerClassLifecycleSharesOneFakeWithItsNestedClasses() {
        EngineExecutionResults results = FixtureRunner.run(PerClassNestedTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        Seen outer = PerClassNestedTestCase.seen.get("outer");
        Seen nested = PerClassNestedTestCase.seen.get("nested");
        assertThat(nested.state()).isSameAs(outer.state());
        assertThat(nested.endpoint()).isEqualTo(outer.endpoint());
        assertThat(outer.projects()).containsExactly("per-class-constructor-project");
        assertThat(nested.projects()).containsExactly("per-class-constructor-project");
    }

    private static void assertNestedTestCaseRan(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        assertNestedTestCaseSeen();
    }

    /** Shared with {@link ParallelExecutionTests}. */
    static void assertNestedTestCaseSeen() {
        assertThat(NestedTestCase.seen)
                .containsOnlyKeys("outer", "plainConstructor", "plain", "annotated", "deeper");
        assertThat(NestedTestCase.seen.get("outer").projects())
                .containsExactly("outer-class-project");
        assertThat(NestedTestCase.seen.get("plain").projects())
                .containsExactly("outer-class-project");
    }

    private static void assertSubclassesRan(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertSubclassesSeen();
    }

    /** Shared with {@link ParallelExecutionTests}. */
    static void assertSubclassesSeen() {
        Seen first = AbstractAnnotatedTestCase.seen.get(FirstSubclassTestCase.class.getName());
        Seen second = AbstractAnnotatedTestCase.seen.get(SecondSubclassTestCase.class.getName());
        assertThat(first.projects()).containsExactly("first-subclass-project");
        assertThat(second.projects()).containsExactly("second-subclass-project");
        assertThat(first.endpoint()).isNotEqualTo(second.endpoint());
        assertThat(first.state()).isNotSameAs(second.state());
        assertThat(first.client()).isNotSameAs(second.client());
    }

    /** What one test of a fixture was given, and the projects it saw. */
    record Seen(
            CodeBuildClient client,
            FakeCodeBuildState state,
            URI endpoint,
            Region region,
            List<String> projects) {

        static Seen of(CodeBuildClient client, FakeCodeBuildState state) {
            List<String> projects = state.projects().stream().map(Project::name).toList();
            return new Seen(client, state, state.endpoint(), state.region(), projects);
        }
    }

    // ---------------------------------------------------------------------------------------

    @FakeCodeBuild
    static class NestedTestCase {

        static final Map<String, Seen> seen = new ConcurrentHashMap<>();

        @BeforeAll
        static void seed(FakeCodeBuildState state) {
            state.addProject("outer-class-project");
            FixtureRunner.rendezvous();
        }

        @Test
        void outer(CodeBuildClient client, FakeCodeBuildState state) {
            seen.put("outer", Seen.of(client, state));
        }

        @Nested
        class Plain {

            Plain(CodeBuildClient client, FakeCodeBuildState state) {
                seen.put("plainConstructor", Seen.of(client, state));
            }

            @Test
            void plain(CodeBuildClient client, FakeCodeBuildState state) {
                seen.put("plain", Seen.of(client, state));
            }
        }

        @Nested
        @FakeCodeBuild(region = "eu-west-1")
        class Annotated {

            @Test
            void annotated(CodeBuildClient client, FakeCodeBuildState state) {
                seen.put("annotated", Seen.of(client, state));
                state.addProject("annotated-test-project");
            }

            @Nested
            class Deeper {

                @BeforeAll
                static void seed(FakeCodeBuildState state) {
                    state.addProject("annotated-class-project");
                }

                @Test
                void deeper(CodeBuildClient client, FakeCodeBuildState state) {
                    seen.put("deeper", Seen.of(client, state));
                }
            }
        }
    }

    @FakeCodeBuild
    abstract static class AbstractAnnotatedTestCase {

        /** Keyed by the name of the concrete class. */
        static final Map<String, Seen> seen = new ConcurrentHashMap<>();

        @Test
        void recordWhatThisClassSees(CodeBuildClient client, FakeCodeBuildState state) {
            seen.put(getClass().getName(), Seen.of(client, state));
        }
    }

    static class FirstSubclassTestCase extends AbstractAnnotatedTestCase {

        @BeforeAll
        static void seed(FakeCodeBuildState state) {
            state.addProject("first-subclass-project");
            FixtureRunner.rendezvous();
        }
    }

    static class SecondSubclassTestCase extends AbstractAnnotatedTestCase {

        @BeforeAll
        static void seed(FakeCodeBuildState state) {
            state.addProject("second-subclass-project");
            FixtureRunner.rendezvous();
        }
    }

    @FakeCodeBuild
    @TestInstance(Lifecycle.PER_CLASS)
    static class PerClassNestedTestCase {

        static final Map<String, Seen> seen = new ConcurrentHashMap<>();

        PerClassNestedTestCase(FakeCodeBuildState state) {
            state.addProject("per-class-constructor-project");
        }

        @Test
        void outer(CodeBuildClient client, FakeCodeBuildState state) {
            seen.put("outer", Seen.of(client, state));
        }

        @Nested
        @TestInstance(Lifecycle.PER_CLASS)
        class Inner {

            @Test
            void nested(CodeBuildClient client, FakeCodeBuildState state) {
                seen.put("nested", Seen.of(client, state));
            }
        }
    }
}
