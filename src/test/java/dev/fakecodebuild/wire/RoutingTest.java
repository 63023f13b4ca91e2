package dev.fakecodebuild.wire;

import static dev.fakecodebuild.wire.Wire.CONTENT_TYPE;
import static dev.fakecodebuild.wire.Wire.LIST;
import static dev.fakecodebuild.wire.Wire.TIMEOUT;
import static dev.fakecodebuild.wire.Wire.assertAnswer;
import static dev.fakecodebuild.wire.Wire.assertError;
import static dev.fakecodebuild.wire.Wire.assertHeaderNamesLowerCase;
import static dev.fakecodebuild.wire.Wire.assertRecorded;
import static dev.fakecodebuild.wire.Wire.post;
import static dev.fakecodebuild.wire.Wire.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import dev.fakecodebuild.Strictness;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codebuild.model.BatchGetReportsRequest;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** How the fake routes a request: by method, path and {@code X-Amz-Target}. */
// These tests call operations the fake does not implement on purpose.
@FakeCodeBuild(strictness = Strictness.LENIENT)
class RoutingTest {

    private static final String UNKNOWN = "UnknownOperationException";
    private static final String VALID = "{\"projectName\":\"web-app\"}";

    @Test
    void missingTargetIsUnknownOperation(FakeCodeBuildState state) {
        var response = post(state.endpoint(), null, VALID);

        assertError(
                response,
                400,
                UNKNOWN,
                "Missing X-Amz-Target header: a CodeBuild call names its operation as"
                        + " X-Amz-Target: CodeBuild_20161006.<Operation>");
        RecordedCall call = single(state);
        assertRecorded(call, "", null, VALID, 400, UNKNOWN);
        assertThat(call.request()).isEmpty();
    }

    @Test
    void targetOfAnotherServiceIsUnknownOperation(FakeCodeBuildState state) {
        String target = "DynamoDB_20120810.ListTables";

        var response = post(state.endpoint(), target, "{}");

        assertError(
                response,
                400,
                UNKNOWN,
                "X-Amz-Target 'DynamoDB_20120810.ListTables' names no CodeBuild operation:"
                        + " expected CodeBuild_20161006.<Operation>");
        RecordedCall call = single(state);
        assertRecorded(call, target, target, "{}", 400, UNKNOWN);
        assertThat(call.request()).isEmpty();
    }

    @Test
    void targetWithoutThePrefixIsUnknownOperation(FakeCodeBuildState state) {
        state.addProject("web-app");

        var response = post(state.endpoint(), "ListBuildBatchesForProject", VALID);

        assertError(
                response,
                400,
                UNKNOWN,
                "X-Amz-Target 'ListBuildBatchesForProject' names no CodeBuild operation:"
                        + " expected CodeBuild_20161006.<Operation>");
        assertThat(single(state).operation()).isEqualTo("ListBuildBatchesForProject");
    }

    @Test
    void targetNamingNoCodeBuildOperationIsUnknownOperation(FakeCodeBuildState state) {
        String target = "CodeBuild_20161006.Frobnicate";

        var response = post(state.endpoint(), target, "{}");

        assertError(response, 400, UNKNOWN, "CodeBuild has no operation named 'Frobnicate'");
        RecordedCall call = single(state);
        assertRecorded(call, "Frobnicate", target, "{}", 400, UNKNOWN);
        assertThat(call.request()).isEmpty();
    }

    @Test
    void operationNamesAreCaseSensitive(FakeCodeBuildState state) {
        var response =
                post(state.endpoint(), "CodeBuild_20161006.listBuildBatchesForProject", VALID);

        assertError(
                response,
                400,
                UNKNOWN,
                "CodeBuild has no operation named 'listBuildBatchesForProject'");
    }

    @Test
    void operationNotImplementedYetIsUnknownOperationAndRecordsTheDecodedRequest(
            FakeCodeBuildState state) {
        String target = "CodeBuild_20161006.BatchGetReports";
        String body = "{\"reportArns\":[\"arn:report:1\",\"arn:report:2\"]}";

        var response = post(state.endpoint(), target, body);

        assertError(
                response,
                400,
                UNKNOWN,
                "fake-codebuild does not implement BatchGetReports yet; the README lists the"
                        + " operations it serves");
        RecordedCall call = single(state);
        assertRecorded(call, "BatchGetReports", target, body, 400, UNKNOWN);
        var decoded =
                BatchGetReportsRequest.builder().reportArns("arn:report:1", "arn:report:2").build();
        assertThat(call.request()).contains(decoded);
        assertThat(state.requests(BatchGetReportsRequest.class)).containsExactly(decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"reportArns\":", "{\"reportArns\":\"arn:report:1\"}"})
    void operationNotImplementedYetWithAnUndecodableBodyIsStillUnknownOperation(
            String body, FakeCodeBuildState state) {
        var response = post(state.endpoint(), "CodeBuild_20161006.BatchGetReports", body);

        assertError(
                response,
                400,
                UNKNOWN,
                "fake-codebuild does not implement BatchGetReports yet; the README lists the"
                        + " operations it serves");
        assertThat(single(state).request()).isEmpty();
    }

    @Test
    void getIsMethodNotAllowed(FakeCodeBuildState state) {
        var response =
                send(
                        HttpRequest.newBuilder(state.endpoint().resolve("/"))
                                .timeout(TIMEOUT)
                                .header("X-Amz-Target", LIST)
                                .GET()
                                .build());

        assertError(response, 405, UNKNOWN, "CodeBuild answers only POST requests to /, not GET /");
        assertThat(response.headers().allValues("Allow")).containsExactly("POST");
        RecordedCall call = single(state);
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.path()).isEqualTo("/");
        assertThat(call.operation()).isEqualTo("ListBuildBatchesForProject");
        assertThat(call.statusCode()).isEqualTo(405);
        assertThat(call.errorCode()).contains(UNKNOWN);
        assertThat(call.body()).isEmpty();
        assertThat(call.request()).isEmpty();
        assertHeaderNamesLowerCase(call);
    }

    @Test
    void putWithABodyIsMethodNotAllowed(FakeCodeBuildState state) {
        var response =
                send(
                        HttpRequest.newBuilder(state.endpoint().resolve("/foo"))
                                .timeout(TIMEOUT)
                                .header("X-Amz-Target", LIST)
                                .PUT(HttpRequest.BodyPublishers.ofString(VALID))
                                .build());

        assertError(
                response, 405, UNKNOWN, "CodeBuild answers only POST requests to /, not PUT /foo");
        assertThat(response.headers().allValues("Allow")).containsExactly("POST");
        RecordedCall call = single(state);
        assertThat(call.method()).isEqualTo("PUT");
        assertThat(call.path()).isEqualTo("/foo");
        assertThat(call.body()).isEqualTo(VALID);
    }

    @Test
    void otherPathIsNotFound(FakeCodeBuildState state) {
        state.addProject("web-app");
        var response =
                send(
                        HttpRequest.newBuilder(state.endpoint().resolve("/foo"))
                                .timeout(TIMEOUT)
                                .header("Content-Type", CONTENT_TYPE)
                                .header("X-Amz-Target", LIST)
                                .POST(HttpRequest.BodyPublishers.ofString(VALID))
                                .build());

        assertError(
                response, 404, UNKNOWN, "CodeBuild answers only POST requests to /, not POST /foo");
        assertThat(response.headers().allValues("Allow")).isEmpty();
        RecordedCall call = single(state);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/foo");
        assertThat(call.operation()).isEqualTo("ListBuildBatchesForProject");
        assertThat(call.statusCode()).isEqualTo(404);
        assertThat(call.errorCode()).contains(UNKNOWN);
        assertThat(call.body()).isEqualTo(VALID);
        assertThat(call.request()).isEmpty();
    }

    @Test
    void expectContinueIsAnsweredAndTheRequestServed(FakeCodeBuildState state) {
        state.addProject("web-app");
        BuildBatch batch = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);

        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(state.endpoint().resolve("/"))
                                .timeout(TIMEOUT)
                                .expectContinue(true)
                                .header("Content-Type", CONTENT_TYPE)
                                .header("X-Amz-Target", LIST)
                                .POST(HttpRequest.BodyPublishers.ofString(VALID))
                                .build());

        assertAnswer(response, 200, "{\"ids\":[\"" + batch.id() + "\"]}");
        RecordedCall call = single(state);
        assertRecorded(call, "ListBuildBatchesForProject", LIST, VALID, 200, null);
        // the JDK client sends "100-Continue"; the expectation token is case-insensitive
        assertThat(call.headers().get("expect"))
                .singleElement()
                .asString()
                .isEqualToIgnoringCase("100-continue");
        assertThat(call.request())
                .contains(
                        ListBuildBatchesForProjectRequest.builder().projectName("web-app").build());
    }

    @Test
    void expectContinueOnAMalformedBodyGetsTheSerializationError(FakeCodeBuildState state) {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(state.endpoint().resolve("/"))
                                .timeout(TIMEOUT)
                                .expectContinue(true)
                                .header("Content-Type", CONTENT_TYPE)
                                .header("X-Amz-Target", LIST)
                                .POST(HttpRequest.BodyPublishers.ofString("{"))
                                .build());

        assertError(
                response,
                400,
                "SerializationException",
                "The request body is not valid JSON: expected a member name in double quotes at"
                        + " offset 1");
    }

    @Test
    void queryStringDoesNotChangeTheRoute(FakeCodeBuildState state) {
        state.addProject("web-app");
        var response =
                send(
                        HttpRequest.newBuilder(state.endpoint().resolve("/?x=1"))
                                .timeout(TIMEOUT)
                                .header("Content-Type", CONTENT_TYPE)
                                .header("X-Amz-Target", LIST)
                                .POST(HttpRequest.BodyPublishers.ofString(VALID))
                                .build());

        assertAnswer(response, 200, "{\"ids\":[]}");
        assertThat(single(state).path()).isEqualTo("/");
    }

    private static RecordedCall single(FakeCodeBuildState state) {
        assertThat(state.calls()).hasSize(1);
        return state.calls().get(0);
    }
}
