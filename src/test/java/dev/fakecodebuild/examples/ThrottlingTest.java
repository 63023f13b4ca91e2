package dev.fakecodebuild.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.Fault;
import dev.fakecodebuild.RecordedCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;

/**
 * The README's throttling example: the injected client gets the SDK's standard retries through the
 * builder's customizer, and each attempt of a throttled call is a recorded call.
 */
class ThrottlingTest {

    /** The SDK's standard retries, without the waits between attempts, to keep tests fast. */
    private static final RetryStrategy STANDARD_RETRIES_AT_ONCE =
            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .backoffStrategy(BackoffStrategy.retryImmediately())
                    .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                    .build();

    @RegisterExtension
    static final FakeCodeBuildExtension fake =
            FakeCodeBuildExtension.builder()
                    .customizeClients(
                            client ->
                                    client.overrideConfiguration(
                                            c -> c.retryStrategy(STANDARD_RETRIES_AT_ONCE)))
                    .build();

    @BeforeEach
    void seed(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    @Test
    void aThrottledStartSucceedsOnItsThirdAttempt(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.failNext("StartBuild", 2, Fault.throttling());

        String id = codeBuild.startBuild(r -> r.projectName("web-app")).build().id();

        assertThat(state.calls())
                .extracting(RecordedCall::statusCode)
                .containsExactly(400, 400, 200);
        assertThat(state.calls())
                .extracting(call -> call.header("amz-sdk-request").orElseThrow())
                .containsExactly("attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3");
        assertThat(state.builds()).extracting(b -> b.id()).containsExactly(id);
        // Three attempts of one request: the same request each time.
        assertThat(state.requests(StartBuildRequest.class))
                .hasSize(3)
                .containsOnly(StartBuildRequest.builder().projectName("web-app").build());
    }

    @Test
    void throttlingOnEveryAttemptReachesTheCaller(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.failEvery("StartBuild", Fault.throttling());

        CodeBuildException thrown =
                catchThrowableOfType(
                        CodeBuildException.class,
                        () -> codeBuild.startBuild(r -> r.projectName("web-app")));

        assertThat(thrown.isThrottlingException()).isTrue();
        assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(state.calls()).hasSize(3);
        assertThat(state.builds()).isEmpty();
    }
}
