package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/** Where {@code CodeBuildClient} and {@code FakeCodeBuildState} parameters are resolved. */
class InjectionTests {

    @BeforeEach
    void forgetEarlierRuns() {
        PerMethodInjectionTestCase.seen.clear();
        PerClassInjectionTestCase.seen.clear();
        ConfiguredInjectionTestCase.seen.clear();
    }

    @Test
    void resolvesEveryPlaceOfAPerMethodClassToOneClientAndOneState() {
        EngineExecutionResults results = FixtureRunner.run(PerMethodInjectionTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(places(PerMethodInjectionTestCase.seen))
                .containsExactly(
                        "beforeAll",
                        "constructor",
                        "beforeEach",
                        "test",
                        "afterEach",
                        "constructor",
                        "beforeEach",
                        "parameterized:first",
                        "afterEach",
                        "constructor",
                        "beforeEach",
                        "parameterized:second",
                        "afterEach",
                        "afterAll");
        assertOneClientAndOneState(PerMethodInjectionTestCase.seen);
    }

    @Test
    void resolvesEveryPlaceOfAPerClassClassToOneClientAndOneState() {
        EngineExecutionResults results = FixtureRunner.run(PerClassInjectionTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(places(PerClassInjectionTestCase.seen))
                .containsExactly(
                        "constructor",
                        "beforeAll",
                        "beforeEach",
                        "test",
                        "afterEach",
                        "beforeEach",
                        "parameterized:only",
                        "afterEach",
                        "afterAll");
        assertOneClientAndOneState(PerClassInjectionTestCase.seen);
    }

    @Test
    void theInjectedClientTalksToTheServerOfTheInjectedState() {
        EngineExecutionResults results = FixtureRunner.run(PerMethodInjectionTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(3));
        Seen test =
                PerMethodInjectionTestCase.seen.stream()
                        .filter(seen -> seen.place().equals("test"))
                        .findFirst()
                        .orElseThrow();
        // The fixture made exactly one call through the client; the state recorded it.
        assertThat(test.callsAfterOneCall())
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.operation()).isEqualTo("ListBuildBatchesForProject");
                            assertThat(call.statusCode()).isEqualTo(400);
                            assertThat(call.errorCode()).contains("ResourceNotFoundException");
                        });
        assertThat(test.endpoint().getScheme()).isEqualTo("http");
        assertThat(test.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(test.endpoint().getPort()).isPositive();
        assertThat(test.endpoint().getPath()).isEmpty();
    }

    @Test
    void theClientAndTheStateCarryTheDefaultRegionAndAccount() {
        FixtureRunner.run(PerMethodInjectionTestCase.class);

        Seen test = PerMethodInjectionTestCase.seen.get(0);
        assertThat(test.region()).isEqualTo(Region.US_EAST_1);
        assertThat(test.accountId()).isEqualTo("123456789012");
        assertThat(test.client().serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
        assertThat(test.client().serviceClientConfiguration().endpointOverride())
                .contains(test.endpoint());
    }

    @Test
    void theClientAndTheStateCarryTheRegionAndAccountOfTheAnnotation() {
        EngineExecutionResults results = FixtureRunner.run(ConfiguredInjectionTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        Seen test = ConfiguredInjectionTestCase.seen.get(0);
        assertThat(test.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(test.accountId()).isEqualTo("210987654321");
        assertThat(test.client().serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        assertThat(ConfiguredInjectionTestCase.projectArn)
                .isEqualTo("arn:aws:codebuild:eu-west-1:210987654321:project/web-app");
    }

    @Test
    void leavesEveryOtherParameterTypeToOtherResolvers() throws Exception {
        EngineExecutionResults results = FixtureRunner.run(OtherTypesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
        for (String name : List.of("object", "string", "sdkClient")) {
            results.testEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    test(name),
                                    finishedWithFailure(
                                            instanceOf(ParameterResolutionException.class),
                                            message(noResolverMessage(name)))));
        }
    }

    @Test
    void saysNoResolverIsRegisteredForAnObjectParameterInJUnitsOwnWords() {
        EngineExecutionResults results = FixtureRunner.run(OtherTypesTestCase.class);

        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("object"),
                                finishedWithFailure(
                                        instanceOf(ParameterResolutionException.class),
                                        message(
                                                "No ParameterResolver registered for parameter"
                                                        + " [java.lang.Object "
                                                        + firstParameterName("object")
                                                        + "] in method [void dev.fakecodebuild"
                                                        + ".junit.InjectionTests$OtherTypesTestCase"
                                                        + ".object(java.lang.Object)]."))));
    }

    /** The message JUnit gives when no resolver supports the only parameter of a method. */
    private static String noResolverMessage(String methodName) {
        Method method = fixtureMethod(methodName);
        return "No ParameterResolver registered for parameter ["
                + method.getParameters()[0]
                + "] in method ["
                + method.toGenericString()
                + "].";
    }

    /** {@code arg0} unless the build compiles with {@code -parameters}. */
    private static String firstParameterName(String methodName) {
        return fixtureMethod(methodName).getParameters()[0].getName();
    }

    private static Method fixtureMethod(String name) {
        for (Method method : OtherTypesTestCase.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError("no fixture method " + name);
    }

    private static List<String> places(List<Seen> seen) {
        return seen.stream().map(Seen::place).toList();
    }

    private static void assertOneClientAndOneState(List<Seen> seen) {
        Seen first = seen.get(0);
        assertThat(seen)
                .allSatisfy(
                        each -> {
                            assertThat(each.client()).isSameAs(first.client());
                            assertThat(each.state()).isSameAs(first.state());
                            assertThat(each.endpoint()).isEqualTo(first.endpoint());
                        });
    }

    /** What one place of a fixture was given. */
    record Seen(
            String place,
            CodeBuildClient client,
            FakeCodeBuildState state,
            URI endpoint,
            Region region,
            String accountId,
            List<RecordedCall> callsAfterOneCall) {

        static Seen of(String place, CodeBuildClient client, FakeCodeBuildState state) {
            return of(place, client, state, List.of());
        }

        static Seen of(
                String place,
                CodeBuildClient client,
                FakeCodeBuildState state,
                List<RecordedCall> callsAfterOneCall) {
            return new Seen(
                    place,
                    client,
                    state,
                    state.endpoint(),
                    state.region(),
                    state.accountId(),
                    callsAfterOneCall);
        }
    }

    // ---------------------------------------------------------------------------------------

    @FakeCodeBuild
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerMethodInjectionTestCase {

        static final List<Seen> seen = new CopyOnWriteArrayList<>();

        PerMethodInjectionTestCase(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("constructor", client, state));
        }

        @BeforeAll
        static void beforeAll(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("beforeAll", client, state));
        }

        @BeforeEach
        void beforeEach(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("beforeEach", client, state));
        }

        @Test
        @Order(1)
        void test(CodeBuildClient client, FakeCodeBuildState state) {
            try {
                client.listBuildBatchesForProject(r -> r.projectName("no-such-project"));
            } catch (RuntimeException expected) {
                // ResourceNotFoundException: only the recorded call matters here.
            }
            seen.add(Seen.of("test", client, state, state.calls()));
        }

        @ParameterizedTest
        @Order(2)
        @ValueSource(strings = {"first", "second"})
        void parameterized(String value, CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("parameterized:" + value, client, state));
        }

        @AfterEach
        void afterEach(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("afterEach", client, state));
        }

        @AfterAll
        static void afterAll(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("afterAll", client, state));
        }
    }

    @FakeCodeBuild
    @TestInstance(Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassInjectionTestCase {

        static final List<Seen> seen = new CopyOnWriteArrayList<>();

        PerClassInjectionTestCase(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("constructor", client, state));
        }

        @BeforeAll
        void beforeAll(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("beforeAll", client, state));
        }

        @BeforeEach
        void beforeEach(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("beforeEach", client, state));
        }

        @Test
        @Order(1)
        void test(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("test", client, state));
        }

        @ParameterizedTest
        @Order(2)
        @ValueSource(strings = "only")
        void parameterized(String value, CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("parameterized:" + value, client, state));
        }

        @AfterEach
        void afterEach(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("afterEach", client, state));
        }

        @AfterAll
        void afterAll(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("afterAll", client, state));
        }
    }

    @FakeCodeBuild(region = "eu-west-1", accountId = "210987654321")
    static class ConfiguredInjectionTestCase {

        static final List<Seen> seen = new CopyOnWriteArrayList<>();
        static volatile String projectArn;

        @Test
        void test(CodeBuildClient client, FakeCodeBuildState state) {
            seen.add(Seen.of("test", client, state));
            projectArn = state.addProject("web-app").arn();
        }
    }

    /** Each test but the last asks for one type that only a too broad resolver would claim. */
    @FakeCodeBuild
    static class OtherTypesTestCase {

        @Test
        void object(Object value) {}

        @Test
        void string(String value) {}

        @Test
        void sdkClient(SdkClient client) {}

        @Test
        void ourTypesNextToJUnitsOwn(
                TestInfo testInfo, CodeBuildClient client, FakeCodeBuildState state) {
            assertThat(testInfo.getTestMethod()).isPresent();
            assertThat(client).isNotNull();
            assertThat(state).isNotNull();
        }
    }
}
