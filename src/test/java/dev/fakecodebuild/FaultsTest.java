package dev.fakecodebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.http.NoHttpResponseException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;
import software.amazon.awssdk.services.codebuild.model.InvalidInputException;
import software.amazon.awssdk.services.codebuild.model.ListProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** Faults through the injected client (retries off): each kind, counts, order and misuse. */
@FakeCodeBuild
class FaultsTest {

    private static final String PROJECT = "web-app";

    @Test
    void throttlingIsAThrottlingExceptionTheSdkRecognises(
            CodeBuildClient client, FakeCodeBuildState state) {
        state.failNext("ListProjects", 1, Fault.throttling());

        CodeBuildException error = serviceError(() -> client.listProjects());

        assertThat(error.getClass()).isEqualTo(CodeBuildException.class);
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(error.isThrottlingException()).isTrue();
        assertThat(error.requestId()).isNotBlank();
        assertThat(state.calls())
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.operation()).isEqualTo("ListProjects");
                            assertThat(call.statusCode()).isEqualTo(400);
                            assertThat(call.errorCode()).contains("ThrottlingException");
                            assertThat(call.request())
                                    .contains(ListProjectsRequest.builder().build());
                        });
    }

    @Test
    void serviceUnavailableIsA503(CodeBuildClient client, FakeCodeBuildState state) {
        state.failNext("ListProjects", 1, Fault.serviceUnavailable());

        CodeBuildException error = serviceError(() -> client.listProjects());

        assertThat(error.statusCode()).isEqualTo(503);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailableException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Service Unavailable");
        assertThat(error.isThrottlingException()).isFalse();
        assertThat(state.calls().get(0).toString())
                .isEqualTo("ListProjects -> 503 ServiceUnavailableException {}");
    }

    @Test
    void anErrorWithAModeledCodeBecomesTheSdksExceptionForIt(
            CodeBuildClient client, FakeCodeBuildState state) {
        state.addProject(PROJECT);
        state.failNext("StartBuild", 1, Fault.error(400, "InvalidInputException", "Bad input"));

        Throwable thrown = catchThrowable(() -> client.startBuild(r -> r.projectName(PROJECT)));

        assertThat(thrown).isExactlyInstanceOf(InvalidInputException.class);
        InvalidInputException error = (InvalidInputException) thrown;
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Bad input");
        assertThat(state.calls())
                .singleElement()
                .satisfies(
                        call ->
                                assertThat(call.request())
                                        .contains(
                                                StartBuildRequest.builder()
                                                        .projectName(PROJECT)
                                                        .build()));
    }

    @Test
    void anErrorWithA500IsAnInternalFailureOfTheTestsChoosing(
            CodeBuildClient client, FakeCodeBuildState state) {
        state.failNext("ListProjects", 1, Fault.error(500, "InternalFailure", "It broke"));

        CodeBuildException error = serviceError(() -> client.listProjects());

        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("It broke");
    }

    @Test
    void aFaultedCallChangesNoStateAndIsNotARead(CodeBuildClient client, FakeCodeBuildState state) {
        state.addProject(PROJECT);
        String id = state.addBuild(PROJECT, StatusType.IN_PROGRESS).id();
        state.finishBuildOnRead(id, 1, StatusType.SUCCEEDED);
        state.failNext("StartBuild", 1, Fault.throttling());
        state.failNext("BatchGetBuilds", 1, Fault.dropConnection());

        fails(() -> client.startBuild(r -> r.projectName(PROJECT)));
        fails(() -> client.batchGetBuilds(r -> r.ids(id)));

        assertThat(state.builds()).hasSize(1);
        assertThat(state.build(id).orElseThrow().buildStatus()).isEqualTo(StatusType.IN_PROGRESS);
        var read = client.batchGetBuilds(r -> r.ids(id)).builds();
        assertThat(read.get(0).buildStatus()).isEqualTo(StatusType.SUCCEEDED);
    }

    @Test
    void aFaultedCallToAnOperationTheFakeDoesNotImplementDoesNotCountAgainstStrictness(
            CodeBuildClient client, FakeCodeBuildState state) {
        state.failNext("ListReportGroups", 1, Fault.throttling());

        CodeBuildException faulted = serviceError(() -> client.listReportGroups(r -> {}));

        // The fault answered it, so the strict fake does not fail this test afterwards.
        assertThat(faulted.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
    }

    /** Calls an unimplemented operation on purpose, so its fake is lenient. */
    @Nested
    @FakeCodeBuild(strictness = Strictness.LENIENT)
    class Lenient {

        @Test
        void aFaultOnAnOperationTheFakeDoesNotImplementAnswersBeforeIt(
                CodeBuildClient client, FakeCodeBuildState state) {
            state.failNext("ListReportGroups", 1, Fault.throttling());

            CodeBuildException faulted = serviceError(() -> client.listReportGroups(r -> {}));
            CodeBuildException next = serviceError(() -> client.listReportGroups(r -> {}));

            assertThat(faulted.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(next.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
        }
    }

    @Test
    void aDroppedConnectionIsAnIoErrorAndTheNextCallSucceeds(
            CodeBuildClient client, FakeCodeBuildState state) {
        state.addProject(PROJECT);
        state.failNext("ListProjects", 1, Fault.dropConnection());

        Throwable thrown = catchThrowable(() -> client.listProjects());
        List<String> projects = client.listProjects().projects();

        assertThat(thrown).isExactlyInstanceOf(SdkClientException.class);
        assertThat(thrown.getCause())
                .isInstanceOf(IOException.class)
                .isExactlyInstanceOf(NoHttpResponseException.class);
        assertThat(projects).containsExactly(PROJECT);
        assertThat(state.calls())
                .extracting(RecordedCall::statusCode, RecordedCall::errorCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple(200, Optional.empty()));
        assertThat(state.calls().get(0).request()).contains(ListProjectsRequest.builder().build());
        assertThat(state.calls().get(0).toString())
                .isEqualTo("ListProjects -> connection dropped, no answer {}");
    }

    @Test
    void aDelayedCallIsAnsweredNormallyAfterTheDelay(
            CodeBuildClient client, FakeCodeBuildState state) {
        state.addProject(PROJECT);
        Duration delay = Duration.ofMillis(300);
        state.failNext("ListProjects", 1, Fault.delay(delay));

        long start = System.nanoTime();
        List<String> projects = client.listProjects().projects();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(projects).containsExactly(PROJECT);
        assertThat(took).isGreaterThanOrEqualTo(delay);
        assertThat(state.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.statusCode()).isEqualTo(200));
    }

    @Test
    void failNextFailsExactlyThatManyCalls(CodeBuildClient client, FakeCodeBuildState state) {
        state.failNext("ListProjects", 2, Fault.throttling());

        fails(() -> client.listProjects());
        fails(() -> client.listProjects());
        client.listProjects();
        client.listProjects();

        assertThat(statuses(state)).containsExactly(400, 400, 200, 200);
    }

    @Test
    void failEveryFailsEveryCallOfThatOperationOnly(
            CodeBuildClient client, FakeCodeBuildState state) {
        state.failEvery("ListProjects", Fault.serviceUnavailable());

        for (int i = 0; i < 3; i++) {
            fails(() -> client.listProjects());
        }
        client.listBuilds();

        assertThat(statuses(state)).containsExactly(503, 503, 503, 200);
    }

    @Test
    void faultsOfOneOperationAreUsedInTheOrderTheyWereSet(
            CodeBuildClient client, FakeCodeBuildState state) {
        state.failNext("ListProjects", 1, Fault.error(400, "First", "first"));
        state.failNext("ListProjects", 2, Fault.error(400, "Second", "second"));
        state.failEvery("ListProjects", Fault.serviceUnavailable());
        state.failNext("ListProjects", 1, Fault.error(400, "NeverReached", "never reached"));

        for (int i = 0; i < 5; i++) {
            fails(() -> client.listProjects());
        }

        assertThat(state.calls())
                .extracting(call -> call.errorCode().orElseThrow())
                .containsExactly(
                        "First",
                        "Second",
                        "Second",
                        "ServiceUnavailableException",
                        "ServiceUnavailableException");
    }

    @Test
    void clearFaultsRemovesEveryFault(CodeBuildClient client, FakeCodeBuildState state) {
        state.failNext("ListProjects", 3, Fault.throttling());
        state.failEvery("ListBuilds", Fault.throttling());
        fails(() -> client.listProjects());

        state.clearFaults();
        client.listProjects();
        client.listBuilds();

        assertThat(statuses(state)).containsExactly(400, 200, 200);
    }

    @Test
    void anUnknownOperationIsRefused(FakeCodeBuildState state) {
        Fault fault = Fault.throttling();

        assertThatThrownBy(() -> state.failNext("StartBuilds", 1, fault))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "CodeBuild has no operation named 'StartBuilds': name it as in"
                                + " X-Amz-Target without the CodeBuild_20161006. prefix, for"
                                + " example StartBuild");
        assertThatThrownBy(() -> state.failEvery("CodeBuild_20161006.StartBuild", fault))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "CodeBuild has no operation named 'CodeBuild_20161006.StartBuild': name"
                                + " it as in X-Amz-Target without the CodeBuild_20161006."
                                + " prefix, for example StartBuild");
    }

    @Test
    void aCountBelowOneIsRefused(FakeCodeBuildState state) {
        assertThatThrownBy(() -> state.failNext("StartBuild", 0, Fault.throttling()))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "calls 0 is below 1: failNext gives the fault to at least the next call;"
                                + " failEvery gives it to every call");
    }

    @Test
    void nullArgumentsAreRefused(FakeCodeBuildState state) {
        assertThatThrownBy(() -> state.failNext(null, 1, Fault.throttling()))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("operation");
        assertThatThrownBy(() -> state.failEvery("StartBuild", null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("fault");
    }

    @Test
    void anErrorFaultNeedsAnErrorStatusACodeAndAMessage() {
        assertThatThrownBy(() -> Fault.error(200, "Ok", "fine"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "statusCode 200 is not an error status: use 400 to 599, for example 400"
                                + " for a refused call or 503 for a service that is down");
        assertThatThrownBy(() -> Fault.error(600, "Odd", "odd"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("statusCode 600 is not an error status");
        assertThatThrownBy(() -> Fault.error(400, " ", "blank"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "errorCode is blank: give the code CodeBuild would send, for example"
                                + " InvalidInputException");
        assertThatThrownBy(() -> Fault.error(400, null, "no code"))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("errorCode");
        assertThatThrownBy(() -> Fault.error(400, "NoMessage", null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("message");
    }

    @Test
    void aDelayMustBePositiveAndAtMostFiveMinutes() {
        assertThatThrownBy(() -> Fault.delay(Duration.ZERO))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("delay PT0S is not positive: give a delay longer than zero");
        assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(-1)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("delay PT-0.001S is not positive: give a delay longer than zero");
        assertThatThrownBy(() -> Fault.delay(Duration.ofMinutes(5).plusMillis(1)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "delay PT5M0.001S is longer than PT5M, the longest the fake waits: give a"
                                + " shorter delay");
        assertThatThrownBy(() -> Fault.delay(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("delay");
        assertThat(Fault.delay(Duration.ofMinutes(5)).delay()).contains(Duration.ofMinutes(5));
    }

    @Test
    void faultsAreValues() {
        assertThat(Fault.throttling())
                .isEqualTo(Fault.error(400, "ThrottlingException", "Rate exceeded"))
                .hasSameHashCodeAs(Fault.error(400, "ThrottlingException", "Rate exceeded"))
                .isNotEqualTo(Fault.error(429, "ThrottlingException", "Rate exceeded"));
        assertThat(Fault.delay(Duration.ofSeconds(2)))
                .isEqualTo(Fault.delay(Duration.ofSeconds(2)));
        assertThat(Fault.delay(Duration.ofSeconds(2))).isNotEqualTo(Fault.dropConnection());

        assertThat(Fault.throttling())
                .hasToString("Fault.error(400, \"ThrottlingException\", \"Rate exceeded\")");
        assertThat(Fault.delay(Duration.ofSeconds(2))).hasToString("Fault.delay(PT2S)");
        assertThat(Fault.dropConnection()).hasToString("Fault.dropConnection()");
    }

    @Test
    void aFaultTellsWhatItDoes() {
        Fault error = Fault.serviceUnavailable();
        Fault delay = Fault.delay(Duration.ofSeconds(1));
        Fault drop = Fault.dropConnection();

        assertThat(error.statusCode()).isEqualTo(OptionalInt.of(503));
        assertThat(error.errorCode()).contains("ServiceUnavailableException");
        assertThat(error.message()).contains("Service Unavailable");
        assertThat(error.delay()).isEmpty();
        assertThat(error.dropsConnection()).isFalse();
        assertThat(delay.statusCode()).isEmpty();
        assertThat(delay.errorCode()).isEmpty();
        assertThat(delay.message()).isEmpty();
        assertThat(delay.delay()).contains(Duration.ofSeconds(1));
        assertThat(delay.dropsConnection()).isFalse();
        assertThat(drop.statusCode()).isEmpty();
        assertThat(drop.errorCode()).isEmpty();
        assertThat(drop.delay()).isEmpty();
        assertThat(drop.dropsConnection()).isTrue();
    }

    private static CodeBuildException serviceError(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(CodeBuildException.class);
        return (CodeBuildException) thrown;
    }

    /** Run a call the fake must fail, whatever the way. */
    private static void fails(ThrowingCallable call) {
        assertThat(catchThrowable(call)).isInstanceOf(SdkException.class);
    }

    private static List<Integer> statuses(FakeCodeBuildState state) {
        return state.calls().stream().map(RecordedCall::statusCode).toList();
    }
}
