package dev.fakecodebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * The throttling scenario: with the SDK's standard retries a throttled call that then
 * succeeds shows as its real attempts; with retries off (the injected client) it fails at once.
 */
@FakeCodeBuild
class FaultRetriesTest {

    private static final String PROJECT = "web-app";

    private CodeBuildClient retrying;

    @BeforeEach
    void buildRetryingClient(FakeCodeBuildState state) {
        state.addProject(PROJECT);
        retrying =
                CodeBuildClient.builder()
                        .endpointOverride(state.endpoint())
                        .region(state.region())
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .overrideConfiguration(
                                c ->
                                        c.retryStrategy(
                                                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                                        .backoffStrategy(
                                                                BackoffStrategy.retryImmediately())
                                                        .throttlingBackoffStrategy(
                                                                BackoffStrategy.retryImmediately())
                                                        .build()))
                        .build();
    }

    @AfterEach
    void closeRetryingClient() {
        retrying.close();
    }

    @Test
    void withRetriesOnAThrottledStartBuildSucceedsAndShowsEachAttempt(FakeCodeBuildState state) {
        state.failNext("StartBuild", 2, Fault.throttling());

        var build = retrying.startBuild(r -> r.projectName(PROJECT)).build();

        assertThat(build.buildStatus()).isEqualTo(StatusType.IN_PROGRESS);
        assertThat(state.builds()).singleElement().isEqualTo(build);
        assertThat(state.calls())
                .extracting(RecordedCall::toString)
                .containsExactly(
                        "StartBuild -> 400 ThrottlingException {\"projectName\":\"web-app\"}",
                        "StartBuild -> 400 ThrottlingException {\"projectName\":\"web-app\"}",
                        "StartBuild -> 200 {\"projectName\":\"web-app\"}");
        assertThat(attempts(state))
                .containsExactly("attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3");
        assertThat(state.requests(StartBuildRequest.class))
                .containsOnly(StartBuildRequest.builder().projectName(PROJECT).build())
                .hasSize(3);
    }

    @Test
    void withRetriesOnThreeThrottledAttemptsFailTheCall(FakeCodeBuildState state) {
        state.failEvery("StartBuild", Fault.throttling());

        Throwable thrown = catchThrowable(() -> retrying.startBuild(r -> r.projectName(PROJECT)));

        assertThat(thrown).isExactlyInstanceOf(CodeBuildException.class);
        CodeBuildException error = (CodeBuildException) thrown;
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(error.numAttempts()).isEqualTo(3);
        assertThat(state.calls())
                .extracting(RecordedCall::statusCode)
                .containsExactly(400, 400, 400);
        assertThat(state.builds()).isEmpty();
    }

    @Test
    void withRetriesOffAThrottledStartBuildFailsAtOnce(
            CodeBuildClient client, FakeCodeBuildState state) {
        state.failNext("StartBuild", 2, Fault.throttling());

        Throwable thrown = catchThrowable(() -> client.startBuild(r -> r.projectName(PROJECT)));

        assertThat(thrown).isExactlyInstanceOf(CodeBuildException.class);
        CodeBuildException error = (CodeBuildException) thrown;
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(error.isThrottlingException()).isTrue();
        assertThat(error.numAttempts()).isEqualTo(1);
        assertThat(attempts(state)).containsExactly("attempt=1; max=1");
        assertThat(state.builds()).isEmpty();
    }

    @Test
    void withRetriesOnA503ThenA500AreRetried(FakeCodeBuildState state) {
        state.failNext("ListProjects", 1, Fault.serviceUnavailable());
        state.failNext("ListProjects", 1, Fault.error(500, "InternalFailure", "It broke"));

        List<String> projects = retrying.listProjects().projects();

        assertThat(projects).containsExactly(PROJECT);
        assertThat(state.calls())
                .extracting(RecordedCall::toString)
                .containsExactly(
                        "ListProjects -> 503 ServiceUnavailableException {}",
                        "ListProjects -> 500 InternalFailure {}",
                        "ListProjects -> 200 {}");
    }

    @Test
    void withRetriesOnADroppedConnectionIsRetriedOnANewOne(FakeCodeBuildState state) {
        state.failNext("ListProjects", 1, Fault.dropConnection());

        List<String> projects = retrying.listProjects().projects();

        assertThat(projects).containsExactly(PROJECT);
        assertThat(state.calls()).extracting(RecordedCall::statusCode).containsExactly(0, 200);
        assertThat(attempts(state)).containsExactly("attempt=1; max=3", "attempt=2; max=3");
    }

    @Test
    void withRetriesOffADroppedConnectionIsNotRetried(
            CodeBuildClient client, FakeCodeBuildState state) {
        state.failNext("ListProjects", 1, Fault.dropConnection());

        Throwable thrown = catchThrowable(() -> client.listProjects());

        assertThat(thrown).isExactlyInstanceOf(SdkClientException.class);
        assertThat(state.calls()).extracting(RecordedCall::statusCode).containsExactly(0);
    }

    private static List<String> attempts(FakeCodeBuildState state) {
        return state.calls().stream()
                .map(call -> call.header("amz-sdk-request").orElseThrow())
                .toList();
    }
}
