package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * When a fake's server runs: not for a class that never needs it, and not a moment after its class
 * has ended (port free, threads gone).
 *
 * <p>The observable for "a server runs" is its threads: {@code FakeCodeBuildServer} names its XNIO
 * worker {@code fake-codebuild-<n>}, and the worker's I/O thread, named after it, lives exactly as
 * long as the server. A fixture's {@code @AfterAll} method (which takes no parameter, so it starts
 * nothing itself) runs before JUnit closes the class's store, so a server of that class would still
 * be running there.
 */
class ServerLifecycleTests {

    private Set<Thread> threadsBefore;

    @BeforeEach
    void forgetEarlierRuns() {
        threadsBefore = FixtureRunner.serverThreads();
        ThreadsAtAfterAll.reset();
        ReleaseTestCase.endpoints.clear();
        ReleaseTestCase.threadsWhileRunning.clear();
    }

    @Test
    void aClassWhoseTestsAreAllDisabledStartsNoServer() {
        EngineExecutionResults results = FixtureRunner.run(AllDisabledTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.skipped(2).started(0));
        assertThat(ThreadsAtAfterAll.afterAllRan).isTrue();
        assertThat(ThreadsAtAfterAll.newServerThreads).isEmpty();
    }

    @Test
    void aClassWhoseTestsNeverAskForTheFakeStartsNoServer() {
        EngineExecutionResults results = FixtureRunner.run(NoParametersTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(ThreadsAtAfterAll.afterAllRan).isTrue();
        assertThat(ThreadsAtAfterAll.newServerThreads).isEmpty();
    }

    /** Shows that the observable above does see a running server. */
    @Test
    void aClassWhoseTestAsksForTheFakeHasItsServerRunningUntilAfterAll() {
        EngineExecutionResults results = FixtureRunner.run(OneEnabledTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).skipped(1));
        assertThat(ThreadsAtAfterAll.newServerThreads)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("fake-codebuild-"));
    }

    @Test
    void afterTheClassEndsItsPortIsFreeAndItsThreadsAreGone() throws IOException {
        EngineExecutionResults results = FixtureRunner.run(ReleaseTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(ReleaseTestCase.endpoints).hasSize(2).doesNotHaveDuplicates();
        assertThat(ReleaseTestCase.threadsWhileRunning).isNotEmpty();
        assertThat(FixtureRunner.eventually(() -> noneAlive(ReleaseTestCase.threadsWhileRunning)))
                .as("server threads gone within 2 s: %s", ReleaseTestCase.threadsWhileRunning)
                .isTrue();
        assertThat(FixtureRunner.serverThreadsStartedSince(threadsBefore)).isEmpty();
        for (URI endpoint : ReleaseTestCase.endpoints) {
            assertConnectionRefused(endpoint.getPort());
            assertPortCanBeBound(endpoint.getPort());
        }
    }

    private static boolean noneAlive(List<Thread> threads) {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private static void assertConnectionRefused(int port) {
        assertThatThrownBy(
                        () -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(
                                        new InetSocketAddress(
                                                InetAddress.getLoopbackAddress(), port),
                                        1000);
                            }
                        })
                .as("connecting to 127.0.0.1:%d", port)
                .isInstanceOf(ConnectException.class);
    }

    private static void assertPortCanBeBound(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            // As the server did: client sockets of the finished class may linger in TIME_WAIT.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    /** What the fixtures' {@code @AfterAll} methods saw. */
    static final class ThreadsAtAfterAll {

        static volatile boolean afterAllRan;
        static volatile Set<Thread> before = Set.of();
        static final List<String> newServerThreads = new CopyOnWriteArrayList<>();

        static void reset() {
            afterAllRan = false;
            before = FixtureRunner.serverThreads();
            newServerThreads.clear();
        }

        static void record() {
            afterAllRan = true;
            FixtureRunner.serverThreadsStartedSince(before).stream()
                    .map(Thread::getName)
                    .forEach(newServerThreads::add);
        }

        private ThreadsAtAfterAll() {}
    }

    // ---------------------------------------------------------------------------------------

    @FakeCodeBuild
    static class AllDisabledTestCase {

        @Test
        @Disabled("the class must start no server")
        void disabled(CodeBuildClient client) {}

        @Test
        @Disabled("the class must start no server")
        void alsoDisabled(FakeCodeBuildState state) {}

        @AfterAll
        static void afterAll() {
            ThreadsAtAfterAll.record();
        }
    }

    @FakeCodeBuild
    static class NoParametersTestCase {

        @Test
        void needsNoFake() {}

        @AfterAll
        static void afterAll() {
            ThreadsAtAfterAll.record();
        }
    }

    @FakeCodeBuild
    static class OneEnabledTestCase {

        @Test
        @Disabled("only the other one runs")
        void disabled(CodeBuildClient client) {}

        @Test
        void enabled(CodeBuildClient client) {}

        @AfterAll
        static void afterAll() {
            ThreadsAtAfterAll.record();
        }
    }

    @FakeCodeBuild
    static class ReleaseTestCase {

        static final List<URI> endpoints = new CopyOnWriteArrayList<>();
        static final List<Thread> threadsWhileRunning = new CopyOnWriteArrayList<>();

        @Test
        void callTheOuterFake(CodeBuildClient client, FakeCodeBuildState state) {
            useAndRecord(client, state);
        }

        @Nested
        @FakeCodeBuild
        class WithItsOwnFake {

            @Test
            void callTheNestedFake(CodeBuildClient client, FakeCodeBuildState state) {
                useAndRecord(client, state);
            }
        }

        /** Leave a kept-alive connection open, so closing must also end it. */
        private static void useAndRecord(CodeBuildClient client, FakeCodeBuildState state) {
            state.addProject("web-app");
            assertThat(client.listBuildBatchesForProject(r -> r.projectName("web-app")).ids())
                    .isEmpty();
            endpoints.add(state.endpoint());
            threadsWhileRunning.addAll(
                    FixtureRunner.serverThreadsStartedSince(ThreadsAtAfterAll.before));
        }
    }
}
