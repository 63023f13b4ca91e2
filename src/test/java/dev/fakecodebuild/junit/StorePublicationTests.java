package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;

/**
 * Another extension finds the fake in the store, under the documented namespace and key, without a
 * parameter: it builds a client of its own against the published endpoint, and what a test does
 * through that client is in the fake the test was given.
 */
class StorePublicationTests {

    private static final Class<?>[] FIXTURES = {
        AnnotationTestCase.class,
        StaticFieldTestCase.class,
        InstanceFieldTestCase.class,
        NestedTestCase.class,
        NestedWithItsOwnFakeTestCase.class,
    };

    @BeforeEach
    void forgetEarlierRuns() {
        OwnClientExtension.foundIn.clear();
        seen.clear();
    }

    @Test
    void anExtensionRegisteredAfterTheFakeFindsItInTheStore() {
        EngineExecutionResults results = FixtureRunner.run(FIXTURES);

        assertFoundAndUsed(results);
    }

    @Test
    void anExtensionFindsTheFakeOfItsOwnClassWhileOtherClassesRunAtTheSameTime() {
        EngineExecutionResults results = FixtureRunner.runInParallel(FIXTURES);

        assertFoundAndUsed(results);
        assertThat(
                        List.of(
                                seen.get("Annotation").endpoint(),
                                seen.get("StaticField").endpoint(),
                                seen.get("InstanceField").endpoint(),
                                seen.get("Nested").endpoint(),
                                seen.get("NestedWithItsOwnFake").endpoint()))
                .doesNotHaveDuplicates();
    }

    private static void assertFoundAndUsed(EngineExecutionResults results) {
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
        // Where the state can first be found: the owner's beforeAll, or the test's beforeEach.
        assertThat(OwnClientExtension.foundIn)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "AnnotationTestCase", "beforeAll",
                                "StaticFieldTestCase", "beforeAll",
                                "InstanceFieldTestCase", "beforeEach",
                                "Inner", "beforeAll",
                                "WithItsOwnFake", "beforeAll"));
        for (String fixture :
                List.of(
                        "Annotation",
                        "StaticField",
                        "InstanceField",
                        "Nested",
                        "NestedWithItsOwnFake")) {
            Seen what = seen.get(fixture);
            assertThat(what).as(fixture).isNotNull();
            assertThat(what.sameStateAsTheParameter()).as(fixture).isTrue();
            assertThat(what.ownClientEndpoint()).as(fixture).isEqualTo(what.endpoint());
            assertThat(what.buildProjects()).as(fixture).containsExactly(fixture);
            assertThat(what.calls()).as(fixture).containsExactly("StartBuild");
        }
    }

    // ---------------------------------------------------------------- what the fixtures saw

    /** What a fixture test saw after starting a build through the other extension's client. */
    record Seen(
            boolean sameStateAsTheParameter,
            URI ownClientEndpoint,
            URI endpoint,
            List<String> buildProjects,
            List<String> calls) {}

    static final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** Seed a project, start a build of it through the other extension's client, note the fake. */
    static void startABuildThroughTheOwnClient(
            String fixture, OwnClient own, FakeCodeBuildState state) {
        state.addProject(fixture);

        Build build = own.client().startBuild(r -> r.projectName(fixture)).build();

        assertThat(state.build(build.id())).isPresent();
        seen.put(
                fixture,
                new Seen(
                        own.state() == state,
                        own.endpoint(),
                        state.endpoint(),
                        state.builds().stream().map(Build::projectName).toList(),
                        state.calls().stream().map(RecordedCall::operation).toList()));
    }

    /** What a user's extension would make for its tests: a client of its own, on the fake. */
    record OwnClient(FakeCodeBuildState state, URI endpoint, CodeBuildClient client)
            implements AutoCloseable {

        @Override
        public void close() {
            client.close();
        }
    }

    /**
     * A stand-in for a user's extension (a Spring context, a custom one): it takes the fake from
     * the store as soon as it is there, builds its own client against the endpoint, and keeps that
     * client in its own store, where JUnit closes it.
     */
    static final class OwnClientExtension
            implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

        static final Map<String, String> foundIn = new ConcurrentHashMap<>();

        private static final Namespace OWN = Namespace.create(OwnClientExtension.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            wire(context, "beforeAll");
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            wire(context, "beforeEach");
        }

        private static void wire(ExtensionContext context, String callback) {
            Store own = context.getStore(OWN);
            if (own.get(OwnClient.class, OwnClient.class) != null) {
                return; // wired for the whole class already
            }
            FakeCodeBuildState state =
                    context.getStore(FakeCodeBuildExtension.NAMESPACE)
                            .get(FakeCodeBuildState.class, FakeCodeBuildState.class);
            if (state == null) {
                return;
            }
            foundIn.putIfAbsent(context.getRequiredTestClass().getSimpleName(), callback);
            CodeBuildClient client =
                    CodeBuildClient.builder()
                            .endpointOverride(state.endpoint())
                            .region(state.region())
                            .credentialsProvider(AnonymousCredentialsProvider.create())
                            .build();
            own.put(OwnClient.class, new OwnClient(state, state.endpoint(), client));
        }

        @Override
        public boolean supportsParameter(
                ParameterContext parameterContext, ExtensionContext extensionContext) {
            return parameterContext.getParameter().getType() == OwnClient.class;
        }

        @Override
        public Object resolveParameter(
                ParameterContext parameterContext, ExtensionContext extensionContext) {
            return extensionContext.getStore(OWN).get(OwnClient.class, OwnClient.class);
        }
    }

    // ---------------------------------------------------------------- fixtures

    @FakeCodeBuild
    @ExtendWith(OwnClientExtension.class)
    static class AnnotationTestCase {

        @BeforeAll
        static void meetTheOtherClasses() {
            FixtureRunner.rendezvous();
        }

        @Test
        void startsABuildThroughTheOtherExtensionsClient(OwnClient own, FakeCodeBuildState state) {
            startABuildThroughTheOwnClient("Annotation", own, state);
        }
    }

    static class StaticFieldTestCase {

        @RegisterExtension
        @Order(1)
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @RegisterExtension
        @Order(2)
        static final OwnClientExtension own = new OwnClientExtension();

        @BeforeAll
        static void meetTheOtherClasses() {
            FixtureRunner.rendezvous();
        }

        @Test
        void startsABuildThroughTheOtherExtensionsClient(OwnClient own, FakeCodeBuildState state) {
            startABuildThroughTheOwnClient("StaticField", own, state);
        }
    }

    static class InstanceFieldTestCase {

        @RegisterExtension
        @Order(1)
        final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @RegisterExtension
        @Order(2)
        final OwnClientExtension own = new OwnClientExtension();

        @BeforeAll
        static void meetTheOtherClasses() {
            FixtureRunner.rendezvous();
        }

        @Test
        void startsABuildThroughTheOtherExtensionsClient(OwnClient own, FakeCodeBuildState state) {
            startABuildThroughTheOwnClient("InstanceField", own, state);
        }
    }

    @FakeCodeBuild
    static class NestedTestCase {

        @BeforeAll
        static void meetTheOtherClasses() {
            FixtureRunner.rendezvous();
        }

        @Nested
        @ExtendWith(OwnClientExtension.class)
        class Inner {

            @Test
            void startsABuildThroughTheOtherExtensionsClient(
                    OwnClient own, FakeCodeBuildState state) {
                startABuildThroughTheOwnClient("Nested", own, state);
            }
        }
    }

    @FakeCodeBuild
    static class NestedWithItsOwnFakeTestCase {

        @BeforeAll
        static void meetTheOtherClasses() {
            FixtureRunner.rendezvous();
        }

        @Nested
        @FakeCodeBuild
        @ExtendWith(OwnClientExtension.class)
        class WithItsOwnFake {

            @Test
            void startsABuildThroughTheOtherExtensionsClient(
                    OwnClient own, FakeCodeBuildState state) {
                startABuildThroughTheOwnClient("NestedWithItsOwnFake", own, state);
            }
        }
    }
}
