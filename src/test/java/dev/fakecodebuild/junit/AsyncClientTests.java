package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.ClientType;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClientBuilder;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ResourceNotFoundException;

/**
 * The {@code CodeBuildAsyncClient} parameter: one client per fake, on Netty and HTTP/1.1, created
 * only when asked for, and gone with its threads when the fake's class ends.
 *
 * <p>The observable for "an async client exists" is its threads: the fake gives each async client
 * an event loop and a pool that completes its futures, all named {@code fake-codebuild-async-<n>
 * ...}, which live exactly as long as the client.
 */
class AsyncClientTests {

    static final String ASYNC_THREAD_PREFIX = "fake-codebuild-async-";
    private static final String ASYNC_THREAD_NAME =
            "fake-codebuild-async-\\d+ (event-loop|response-\\d+)";

    private Set<Thread> asyncThreadsBefore;

    @BeforeEach
    void forgetEarlierRuns() {
        asyncThreadsBefore = asyncThreads();
        AsyncCallsFixture.seen.clear();
        SyncOnlyTestCase.asyncThreadsAtAfterAll = null;
        CustomizedTestCase.customizations.clear();
        CustomizedTestCase.intercepted.clear();
        InstanceFieldTestCase.threadsInTest.clear();
    }

    @Test
    void aCallGoesThroughTheAsyncClientAndIsRecorded() {
        EngineExecutionResults results = FixtureRunner.run(FirstCallsTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        Seen seen = AsyncCallsFixture.seen.get(FirstCallsTestCase.class);
        assertThat(seen.projects).containsExactly("web-app");
        assertThat(seen.calls)
                .extracting(RecordedCall::operation, RecordedCall::statusCode)
                .containsExactly(tuple("CreateProject", 200), tuple("ListProjects", 200));
    }

    @Test
    void theAsyncClientIsTheSdksNettyClientSpeakingHttp11ToTheFake() {
        FixtureRunner.run(FirstCallsTestCase.class);

        Seen seen = AsyncCallsFixture.seen.get(FirstCallsTestCase.class);
        assertThat(seen.clientEndpoint).contains(seen.stateEndpoint);
        assertThat(seen.calls)
                .allSatisfy(
                        call -> {
                            assertThat(call.header("user-agent"))
                                    .hasValueSatisfying(
                                            agent ->
                                                    assertThat(agent).contains("md/http#NettyNio"));
                            // What a client asking for HTTP/2 in clear text would send.
                            assertThat(call.headers())
                                    .doesNotContainKeys("upgrade", "http2-settings");
                        });
    }

    @Test
    void aRefusedCallCompletesTheFutureWithTheServiceException() {
        FixtureRunner.run(FirstCallsTestCase.class);

        Throwable thrown = AsyncCallsFixture.seen.get(FirstCallsTestCase.class).refusal;
        assertThat(thrown).isExactlyInstanceOf(CompletionException.class);
        assertThat(thrown.getCause()).isExactlyInstanceOf(ResourceNotFoundException.class);
        ResourceNotFoundException refusal = (ResourceNotFoundException) thrown.getCause();
        assertThat(refusal.statusCode()).isEqualTo(400);
        assertThat(refusal.awsErrorDetails().errorMessage())
                .isEqualTo(
                        "Project cannot be found:"
                                + " arn:aws:codebuild:us-east-1:123456789012:project/no-such-project");
    }

    @Test
    void everyPlaceOfAClassGetsTheSameAsyncClientNextToTheSyncOne() {
        FixtureRunner.run(FirstCallsTestCase.class);

        Seen seen = AsyncCallsFixture.seen.get(FirstCallsTestCase.class);
        assertThat(seen.clients.keySet())
                .containsExactlyInAnyOrder("beforeAll", "first", "second", "afterAll");
        assertThat(Set.copyOf(seen.clients.values())).hasSize(1);
        assertThat(seen.clients.get("first")).isNotSameAs(seen.syncClient);
    }

    @Test
    void aClassThatOnlyUsesTheSyncClientStartsNoAsyncClient() {
        EngineExecutionResults results = FixtureRunner.run(SyncOnlyTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(SyncOnlyTestCase.asyncThreadsAtAfterAll).isNotNull().isEmpty();
    }

    @Test
    void afterTheClassEndsTheAsyncClientsThreadsAreGone() {
        FixtureRunner.run(FirstCallsTestCase.class);

        Set<Thread> threads = startedSinceBefore(FirstCallsTestCase.class);
        assertThat(clientsOf(threads)).hasSize(1);
        assertThat(threads)
                .extracting(Thread::getName)
                .allMatch(name -> name.matches(ASYNC_THREAD_NAME))
                .filteredOn(name -> name.endsWith(" event-loop"))
                .hasSize(1);
        assertThat(threads).filteredOn(thread -> !thread.isDaemon()).isEmpty();
        // Closing the class waits for them: no polling needed.
        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(asyncThreads()).isEqualTo(asyncThreadsBefore);
    }

    @Test
    void afterTheClassEndsEveryThreadItStartedEndsSoon() {
        Set<Thread> before = liveThreads();

        FixtureRunner.run(FirstCallsTestCase.class);

        // Netty's JVM-wide executor notifies the end of an event loop; it ends itself when idle.
        assertThat(
                        FixtureRunner.eventually(
                                () -> newLiveThreads(before).isEmpty(), Duration.ofSeconds(10)))
                .as("threads still alive 10 s after the class: %s", newLiveThreads(before))
                .isTrue();
    }

    @Test
    void afterTheClassEndsUsingTheAsyncClientFails() {
        FixtureRunner.run(FirstCallsTestCase.class);

        CodeBuildAsyncClient client =
                AsyncCallsFixture.seen.get(FirstCallsTestCase.class).clients.get("first");
        Throwable thrown = catchThrowable(() -> client.listProjects().join());

        assertThat(thrown).isExactlyInstanceOf(CompletionException.class);
        assertThat(thrown.getCause())
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessage(
                        "Unable to execute HTTP request: event executor terminated"
                                + " (SDK Attempt Count: 1)")
                .hasRootCauseExactlyInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void classesRunningInParallelEachGetAnAsyncClientOfTheirOwn() {
        EngineExecutionResults results =
                FixtureRunner.runInParallel(FirstCallsTestCase.class, SecondCallsTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        Seen first = AsyncCallsFixture.seen.get(FirstCallsTestCase.class);
        Seen second = AsyncCallsFixture.seen.get(SecondCallsTestCase.class);
        assertThat(first.projects).containsExactly("web-app");
        assertThat(second.projects).containsExactly("api-server");
        assertThat(second.calls)
                .extracting(RecordedCall::operation)
                .containsExactly("CreateProject", "ListProjects");
        assertThat(first.clients.get("first")).isNotSameAs(second.clients.get("first"));
        assertThat(first.stateEndpoint).isNotEqualTo(second.stateEndpoint);
        Set<Thread> threads = startedSinceBefore(FirstCallsTestCase.class);
        threads.addAll(startedSinceBefore(SecondCallsTestCase.class));
        assertThat(clientsOf(threads)).hasSize(2);
        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(asyncThreads()).isEqualTo(asyncThreadsBefore);
    }

    @Test
    void theCustomizerChangesTheAsyncClientToo() {
        EngineExecutionResults results = FixtureRunner.run(CustomizedTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(CustomizedTestCase.customizations).containsExactly("async", "sync");
        assertThat(CustomizedTestCase.intercepted)
                .containsExactly(
                        "ListProjects from the ASYNC client", "ListProjects from the SYNC client");
    }

    @Test
    void theCustomizerChangesTheAsyncClientInParallelToo() {
        EngineExecutionResults results =
                FixtureRunner.runInParallel(CustomizedTestCase.class, SecondCallsTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(CustomizedTestCase.intercepted)
                .containsExactly(
                        "ListProjects from the ASYNC client", "ListProjects from the SYNC client");
    }

    @Test
    void anInstanceFieldGivesEachTestAnAsyncClientWhoseThreadsEndWithTheTest() {
        EngineExecutionResults results = FixtureRunner.run(InstanceFieldTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        Set<Thread> first = InstanceFieldTestCase.threadsInTest.get("first");
        Set<Thread> second = InstanceFieldTestCase.threadsInTest.get("second");
        first.removeAll(asyncThreadsBefore);
        second.removeAll(asyncThreadsBefore);
        assertThat(clientsOf(first)).hasSize(1);
        assertThat(clientsOf(second)).hasSize(1).doesNotContainAnyElementsOf(clientsOf(first));
        assertThat(second).doesNotContainAnyElementsOf(first);
        assertThat(first).noneMatch(Thread::isAlive);
        assertThat(second).noneMatch(Thread::isAlive);
    }

    @Test
    void anInstanceFieldsAsyncClientsEndWithTheirTestsInParallelToo() {
        EngineExecutionResults results =
                FixtureRunner.runInParallel(InstanceFieldTestCase.class, SecondCallsTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        // The other class's threads show too, so only this holds for all of them.
        assertThat(InstanceFieldTestCase.threadsInTest.get("first"))
                .isNotEmpty()
                .noneMatch(Thread::isAlive);
        assertThat(InstanceFieldTestCase.threadsInTest.get("second"))
                .isNotEmpty()
                .noneMatch(Thread::isAlive);
    }

    /** The async threads that a fixture class saw in its {@code @AfterAll} and were not before. */
    private Set<Thread> startedSinceBefore(Class<?> fixture) {
        return AsyncCallsFixture.seen.get(fixture).threadsAtAfterAll.stream()
                .filter(thread -> !asyncThreadsBefore.contains(thread))
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** The async clients these threads belong to, by the {@code fake-codebuild-async-<n>} part. */
    private static Set<String> clientsOf(Set<Thread> threads) {
        return threads.stream()
                .map(thread -> thread.getName().substring(0, thread.getName().indexOf(' ')))
                .collect(Collectors.toSet());
    }

    /** The live threads of the fakes' async clients. */
    static Set<Thread> asyncThreads() {
        return liveThreads().stream()
                .filter(thread -> thread.getName().startsWith(ASYNC_THREAD_PREFIX))
                .collect(Collectors.toSet());
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    private static Set<String> newLiveThreads(Set<Thread> before) {
        return liveThreads().stream()
                .filter(thread -> !before.contains(thread))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }

    /** What one class of calls saw. */
    static final class Seen {
        final Map<String, CodeBuildAsyncClient> clients = new ConcurrentHashMap<>();
        volatile CodeBuildClient syncClient;
        volatile URI stateEndpoint;
        volatile Optional<URI> clientEndpoint;
        volatile List<String> projects;
        volatile List<RecordedCall> calls;
        volatile Throwable refusal;
        volatile Set<Thread> threadsAtAfterAll;
    }

    // ---------------------------------------------------------------------------------------

    /** Each subclass gets a fake of its own, as @FakeCodeBuild is inherited. */
    @FakeCodeBuild
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class AsyncCallsFixture {

        static final Map<Class<?>, Seen> seen = new ConcurrentHashMap<>();

        abstract String projectName();

        static Seen seen(TestInfo testInfo) {
            return seen.computeIfAbsent(testInfo.getTestClass().orElseThrow(), c -> new Seen());
        }

        @BeforeAll
        static void beforeAll(CodeBuildAsyncClient client, TestInfo testInfo) {
            FixtureRunner.rendezvous();
            seen(testInfo).clients.put("beforeAll", client);
        }

        @Test
        @Order(1)
        void first(
                CodeBuildAsyncClient client,
                CodeBuildClient syncClient,
                FakeCodeBuildState state,
                TestInfo testInfo) {
            Seen seen = seen(testInfo);
            seen.clients.put("first", client);
            seen.syncClient = syncClient;
            seen.stateEndpoint = state.endpoint();
            seen.clientEndpoint = client.serviceClientConfiguration().endpointOverride();

            client.createProject(
                            project ->
                                    project.name(projectName())
                                            .source(s -> s.type("NO_SOURCE").buildspec("version"))
                                            .artifacts(a -> a.type("NO_ARTIFACTS"))
                                            .environment(
                                                    e ->
                                                            e.type("LINUX_CONTAINER")
                                                                    .image("aws/codebuild/std:7.0")
                                                                    .computeType(
                                                                            "BUILD_GENERAL1_SMALL"))
                                            .serviceRole("arn:aws:iam::123456789012:role/builder"))
                    .join();
            seen.projects = client.listProjects().join().projects();
            seen.calls = state.calls();
        }

        @Test
        @Order(2)
        void second(CodeBuildAsyncClient client, TestInfo testInfo) {
            Seen seen = seen(testInfo);
            seen.clients.put("second", client);

            seen.refusal =
                    catchThrowable(
                            () ->
                                    client.listBuildBatchesForProject(
                                                    r -> r.projectName("no-such-project"))
                                            .join());
        }

        /** JUnit closes the fake after this, so its async client's threads still run here. */
        @AfterAll
        static void afterAll(CodeBuildAsyncClient client, TestInfo testInfo) {
            Seen seen = seen(testInfo);
            seen.clients.put("afterAll", client);
            seen.threadsAtAfterAll = Set.copyOf(asyncThreads());
        }
    }

    static class FirstCallsTestCase extends AsyncCallsFixture {

        @Override
        String projectName() {
            return "web-app";
        }
    }

    static class SecondCallsTestCase extends AsyncCallsFixture {

        @Override
        String projectName() {
            return "api-server";
        }
    }

    @FakeCodeBuild
    static class SyncOnlyTestCase {

        static volatile Set<Thread> asyncThreadsAtAfterAll;
        private static Set<Thread> before;

        @BeforeAll
        static void beforeAll() {
            before = asyncThreads();
        }

        @Test
        void usesTheSyncClient(CodeBuildClient client) {
            assertThat(client.listProjects().projects()).isEmpty();
        }

        @AfterAll
        static void afterAll() {
            asyncThreadsAtAfterAll =
                    asyncThreads().stream()
                            .filter(thread -> !before.contains(thread))
                            .collect(Collectors.toSet());
        }
    }

    /** Each test has a fake of its own, and so an async client of its own. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InstanceFieldTestCase {

        /** Per test: the async threads alive while it ran, after its call. */
        static final Map<String, Set<Thread>> threadsInTest = new ConcurrentHashMap<>();

        @RegisterExtension
        final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @BeforeAll
        static void beforeAll() {
            FixtureRunner.rendezvous();
        }

        @Test
        @Order(1)
        void first(CodeBuildAsyncClient client) {
            client.listProjects().join();
            threadsInTest.put("first", new HashSet<>(asyncThreads()));
        }

        @Test
        @Order(2)
        void second(CodeBuildAsyncClient client) {
            client.listProjects().join();
            threadsInTest.put("second", new HashSet<>(asyncThreads()));
        }
    }

    static class CustomizedTestCase {

        static final List<String> customizations = new CopyOnWriteArrayList<>();
        static final List<String> intercepted = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static final FakeCodeBuildExtension fake =
                FakeCodeBuildExtension.builder()
                        .customizeClients(
                                client -> {
                                    customizations.add(
                                            client instanceof CodeBuildAsyncClientBuilder
                                                    ? "async"
                                                    : "sync");
                                    client.overrideConfiguration(
                                            c -> c.addExecutionInterceptor(new Recorder()));
                                })
                        .build();

        @BeforeAll
        static void beforeAll() {
            FixtureRunner.rendezvous();
        }

        @Test
        void bothClientsAreCustomized(CodeBuildAsyncClient asyncClient, CodeBuildClient client) {
            asyncClient.listProjects().join();
            client.listProjects();
        }

        private static final class Recorder implements ExecutionInterceptor {

            @Override
            public void beforeExecution(
                    Context.BeforeExecution context, ExecutionAttributes attributes) {
                ClientType type = attributes.getAttribute(SdkExecutionAttribute.CLIENT_TYPE);
                intercepted.add(
                        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
                                + " from the "
                                + type.name()
                                + " client");
            }
        }
    }
}
