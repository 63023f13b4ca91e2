package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.Fault;
import dev.fakecodebuild.RecordedCall;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClientBuilder;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClientBuilder;

/**
 * What a {@code customizeClients} customizer sets wins over what the fake set before it: an HTTP
 * client of its own, and the retry settings of a profile file it gives.
 */
class ClientCustomizerTests {

    /** Per fixture class: what its test saw. */
    static final Map<Class<?>, List<Integer>> statuses = new ConcurrentHashMap<>();

    @BeforeEach
    void forgetEarlierRuns() {
        statuses.clear();
        OwnHttpClientTestCase.requests.set(0);
        OwnAsyncHttpClientTestCase.requests.set(0);
    }

    @Test
    void aCustomizerThatSetsItsOwnHttpClientHasItUsed() {
        EngineExecutionResults results = FixtureRunner.run(OwnHttpClientTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(OwnHttpClientTestCase.requests).hasValue(1);
    }

    @Test
    void aCustomizerThatSetsItsOwnAsyncHttpClientHasItUsed() {
        EngineExecutionResults results = FixtureRunner.run(OwnAsyncHttpClientTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(OwnAsyncHttpClientTestCase.requests).hasValue(1);
    }

    @Test
    void ownHttpClientsAreUsedWithClassesInParallelToo() {
        EngineExecutionResults results =
                FixtureRunner.runInParallel(
                        OwnHttpClientTestCase.class, OwnAsyncHttpClientTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(OwnHttpClientTestCase.requests).hasValue(1);
        assertThat(OwnAsyncHttpClientTestCase.requests).hasValue(1);
    }

    @Test
    void aProfileFileThatSetsARetryModeTurnsRetriesOn() {
        EngineExecutionResults results = FixtureRunner.run(ProfileRetryModeTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(statuses.get(ProfileRetryModeTestCase.class)).containsExactly(400, 400, 200);
    }

    @Test
    void aProfileFileWithoutRetrySettingsLeavesRetriesOff() {
        EngineExecutionResults results = FixtureRunner.run(ProfileWithoutRetriesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(statuses.get(ProfileWithoutRetriesTestCase.class)).containsExactly(400);
    }

    @Test
    void profileRetrySettingsHoldWithClassesInParallelToo() {
        EngineExecutionResults results =
                FixtureRunner.runInParallel(
                        ProfileRetryModeTestCase.class, ProfileWithoutRetriesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(statuses.get(ProfileRetryModeTestCase.class)).containsExactly(400, 400, 200);
        assertThat(statuses.get(ProfileWithoutRetriesTestCase.class)).containsExactly(400);
    }

    // ---------------------------------------------------------------------------------------

    static class OwnHttpClientTestCase {

        static final AtomicInteger requests = new AtomicInteger();

        /** The test's own HTTP client, made for each run of the class. */
        private static volatile SdkHttpClient apache;

        @RegisterExtension
        static final FakeCodeBuildExtension fake =
                FakeCodeBuildExtension.builder()
                        .customizeClients(
                                client -> {
                                    if (client instanceof CodeBuildClientBuilder sync) {
                                        sync.httpClient(new CountingHttpClient(apache, requests));
                                    }
                                })
                        .build();

        @BeforeAll
        static void beforeAll() {
            apache = ApacheHttpClient.builder().useIdleConnectionReaper(false).build();
            FixtureRunner.rendezvous();
        }

        @Test
        void listsProjects(CodeBuildClient client) {
            assertThat(client.listProjects().projects()).isEmpty();
        }

        @AfterAll
        static void closeOwnHttpClient() {
            apache.close();
        }
    }

    static class OwnAsyncHttpClientTestCase {

        static final AtomicInteger requests = new AtomicInteger();

        /** The test's own HTTP client, made for each run of the class. */
        private static volatile SdkAsyncHttpClient netty;

        @RegisterExtension
        static final FakeCodeBuildExtension fake =
                FakeCodeBuildExtension.builder()
                        .customizeClients(
                                client -> {
                                    if (client instanceof CodeBuildAsyncClientBuilder async) {
                                        async.httpClient(
                                                new CountingAsyncHttpClient(netty, requests));
                                    }
                                })
                        .build();

        @BeforeAll
        static void beforeAll() {
            netty = NettyNioAsyncHttpClient.create();
            FixtureRunner.rendezvous();
        }

        @Test
        void listsProjects(CodeBuildAsyncClient client) {
            assertThat(client.listProjects().join().projects()).isEmpty();
        }

        @AfterAll
        static void closeOwnHttpClient() {
            netty.close();
        }
    }

    /** Two throttled ListProjects calls, then the statuses of the calls the fake received. */
    abstract static class ThrottledFixture {

        @BeforeAll
        static void beforeAll() {
            FixtureRunner.rendezvous();
        }

        @Test
        void listsProjects(CodeBuildClient client, FakeCodeBuildState state) {
            state.failNext("ListProjects", 2, Fault.throttling());

            try {
                client.listProjects();
            } catch (RuntimeException e) {
                // Retries off: the first throttled call fails; the statuses show it.
            }

            statuses.put(getClass(), state.calls().stream().map(RecordedCall::statusCode).toList());
        }

        static FakeCodeBuildExtension withProfile(String content) {
            ProfileFile profiles =
                    ProfileFile.builder()
                            .content(content)
                            .type(ProfileFile.Type.CONFIGURATION)
                            .build();
            return FakeCodeBuildExtension.builder()
                    .customizeClients(
                            client ->
                                    client.overrideConfiguration(
                                            c -> c.defaultProfileFile(profiles)))
                    .build();
        }
    }

    static class ProfileRetryModeTestCase extends ThrottledFixture {

        @RegisterExtension
        static final FakeCodeBuildExtension fake =
                withProfile("[default]\nretry_mode = standard\n");
    }

    static class ProfileWithoutRetriesTestCase extends ThrottledFixture {

        @RegisterExtension
        static final FakeCodeBuildExtension fake = withProfile("[default]\nregion = eu-west-1\n");
    }

    /** Counts the requests it passes on. */
    private record CountingHttpClient(SdkHttpClient delegate, AtomicInteger requests)
            implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests.incrementAndGet();
            return delegate.prepareRequest(request);
        }

        @Override
        public void close() {
            // The test closes the delegate.
        }
    }

    /** Counts the requests it passes on. */
    private record CountingAsyncHttpClient(SdkAsyncHttpClient delegate, AtomicInteger requests)
            implements SdkAsyncHttpClient {

        @Override
        public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
            requests.incrementAndGet();
            return delegate.execute(request);
        }

        @Override
        public void close() {
            // The test closes the delegate.
        }
    }
}
