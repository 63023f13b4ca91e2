package dev.fakecodebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * A delayed answer waits on a timer, not on the server's only I/O thread: calls on other
 * connections are answered meanwhile. Proved without timing: the delay is far longer than the test
 * runs, and the waiting call is ended by closing its client.
 */
@FakeCodeBuild
class FaultDelayTest {

    private static final Duration LONG_DELAY = Duration.ofMinutes(1);
    private static final long BOUND_SECONDS = 10;

    @Test
    void anotherConnectionIsAnsweredWhileADelayedAnswerWaits(
            CodeBuildClient client, FakeCodeBuildState state) throws Exception {
        state.addProject("web-app");
        state.failNext("ListProjects", 1, Fault.delay(LONG_DELAY));
        CodeBuildClient waiting = ownClient(state);
        CompletableFuture<List<String>> delayed =
                CompletableFuture.supplyAsync(() -> waiting.listProjects().projects());
        awaitCalls(state, 1);

        var others = client.batchGetProjects(r -> r.names("web-app")).projects();

        assertThat(others)
                .singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("web-app"));
        assertThat(delayed).isNotDone();
        assertThat(state.calls())
                .extracting(RecordedCall::toString)
                .containsExactly(
                        "ListProjects -> 200 {}",
                        "BatchGetProjects -> 200 {\"names\":[\"web-app\"]}");

        waiting.close();

        Throwable ended = awaitFailure(delayed);
        assertThat(ended).isInstanceOf(SdkClientException.class);
    }

    @Test
    void aDelayedCallHasItsEffectWhenItArrives(FakeCodeBuildState state) throws Exception {
        state.addProject("web-app");
        state.failNext("StartBuild", 1, Fault.delay(LONG_DELAY));
        CodeBuildClient waiting = ownClient(state);
        CompletableFuture<String> delayed =
                CompletableFuture.supplyAsync(
                        () -> waiting.startBuild(r -> r.projectName("web-app")).build().id());
        awaitCalls(state, 1);

        assertThat(state.builds()).hasSize(1);
        assertThat(delayed).isNotDone();

        waiting.close();
        assertThat(awaitFailure(delayed)).isInstanceOf(SdkClientException.class);
    }

    private static CodeBuildClient ownClient(FakeCodeBuildState state) {
        return CodeBuildClient.builder()
                .endpointOverride(state.endpoint())
                .region(state.region())
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    /** Wait, boundedly, until the fake has recorded the given number of calls. */
    private static void awaitCalls(FakeCodeBuildState state, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (state.calls().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(state.calls()).hasSize(count);
    }

    private static Throwable awaitFailure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the delayed call succeeded after its client was closed");
    }
}
