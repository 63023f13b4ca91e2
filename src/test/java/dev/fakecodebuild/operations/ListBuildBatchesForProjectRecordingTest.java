package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static dev.fakecodebuild.operations.ServiceErrors.resourceNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BuildBatchFilter;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesRequest;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** What the state records of ListBuildBatchesForProject calls made through the SDK client. */
@FakeCodeBuild
class ListBuildBatchesForProjectRecordingTest {

    @BeforeEach
    void seed(FakeCodeBuildState state) {
        state.addProject("web-app");
        for (int i = 0; i < 5; i++) {
            state.addBuildBatch("web-app", i % 2 == 0 ? StatusType.SUCCEEDED : StatusType.FAILED);
        }
    }

    @Test
    void recordsTheRequestEqualToTheOneTheTestBuilt(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        var request =
                ListBuildBatchesForProjectRequest.builder()
                        .projectName("web-app")
                        .filter(BuildBatchFilter.builder().status(StatusType.SUCCEEDED).build())
                        .maxResults(2)
                        .sortOrder(SortOrderType.ASCENDING)
                        .build();

        var first = codeBuild.listBuildBatchesForProject(request);
        var next = request.toBuilder().nextToken(first.nextToken()).build();
        codeBuild.listBuildBatchesForProject(next);

        assertThat(state.requests(ListBuildBatchesForProjectRequest.class))
                .containsExactly(request, next);
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class).get(1).nextToken())
                .isEqualTo(first.nextToken());
    }

    @Test
    void aRequestWithOverrideConfigurationIsRecordedWithTheSameMembers(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        var request =
                ListBuildBatchesForProjectRequest.builder()
                        .projectName("web-app")
                        .maxResults(3)
                        .overrideConfiguration(o -> o.putHeader("x-trace-id", "trace-1"))
                        .build();

        codeBuild.listBuildBatchesForProject(request);

        // The override configuration does not travel on the wire, so the recorded request can
        // only match the sent one member by member; the header it added did reach the fake.
        var recorded = state.requests(ListBuildBatchesForProjectRequest.class);
        assertThat(recorded).singleElement().matches(r -> r.equalsBySdkFields(request));
        assertThat(state.calls().get(0).header("x-trace-id")).contains("trace-1");
    }

    @Test
    void recordsTheCallAsSent(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        var request = ListBuildBatchesForProjectRequest.builder().projectName("web-app").build();

        codeBuild.listBuildBatchesForProject(request);

        RecordedCall call = state.calls().get(0);
        assertThat(state.calls()).hasSize(1);
        assertThat(call.operation()).isEqualTo("ListBuildBatchesForProject");
        assertThat(call.request()).contains(request);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/");
        assertThat(call.body()).isEqualTo("{\"projectName\":\"web-app\"}");
        assertThat(call.header("X-Amz-Target"))
                .contains("CodeBuild_20161006.ListBuildBatchesForProject");
        assertThat(call.header("content-type")).contains("application/x-amz-json-1.1");
        assertThat(call.headers()).containsKey("x-amz-target");
        assertThat(call.header("Authorization"))
                .hasValueSatisfying(
                        value ->
                                assertThat(value)
                                        .startsWith("AWS4-HMAC-SHA256 Credential=")
                                        .contains("/us-east-1/codebuild/aws4_request"));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.errorCode()).isEmpty();
        assertThat(call.toString())
                .isEqualTo("ListBuildBatchesForProject -> 200 {\"projectName\":\"web-app\"}");
    }

    @Test
    void recordsRefusedCallsWithStatusAndErrorCode(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        var badSize =
                ListBuildBatchesForProjectRequest.builder()
                        .projectName("web-app")
                        .maxResults(0)
                        .build();
        var unknown = ListBuildBatchesForProjectRequest.builder().projectName("ghost").build();
        var badToken =
                ListBuildBatchesForProjectRequest.builder()
                        .projectName("web-app")
                        .nextToken("garbage")
                        .build();

        invalidInput(
                () -> codeBuild.listBuildBatchesForProject(badSize),
                "1 validation error detected: Value '0' at 'maxResults' failed to satisfy"
                        + " constraint: Member must have value greater than or equal to 1");
        resourceNotFound(
                () -> codeBuild.listBuildBatchesForProject(unknown),
                "Project cannot be found:"
                        + " arn:aws:codebuild:us-east-1:123456789012:project/ghost");
        invalidInput(
                () -> codeBuild.listBuildBatchesForProject(badToken),
                "Invalid nextToken: pass a token unchanged from an earlier"
                        + " ListBuildBatchesForProject response");

        assertThat(state.calls())
                .extracting(RecordedCall::statusCode)
                .containsExactly(400, 400, 400);
        assertThat(state.calls())
                .extracting(RecordedCall::errorCode)
                .containsExactly(
                        Optional.of("InvalidInputException"),
                        Optional.of("ResourceNotFoundException"),
                        Optional.of("InvalidInputException"));
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class))
                .containsExactly(badSize, unknown, badToken);
        assertThat(state.calls().get(0).toString())
                .isEqualTo(
                        "ListBuildBatchesForProject -> 400 InvalidInputException"
                                + " {\"projectName\":\"web-app\",\"maxResults\":0}");
    }

    @Test
    void recordsCallsInArrivalOrder(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app").maxResults(1));
        invalidInput(
                () -> codeBuild.listBuildBatchesForProject(r -> r.projectName("")),
                "1 validation error detected: Value '' at 'projectName' failed to satisfy"
                        + " constraint: Member must have length greater than or equal to 1");
        codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app").maxResults(3));

        assertThat(state.calls())
                .extracting(RecordedCall::statusCode)
                .containsExactly(200, 400, 200);
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class))
                .extracting(ListBuildBatchesForProjectRequest::projectName)
                .containsExactly("web-app", "", "web-app");
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class))
                .extracting(ListBuildBatchesForProjectRequest::maxResults)
                .containsExactly(1, null, 3);
    }

    @Test
    void requestsOfAnotherTypeAreNotReturned(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app"));

        assertThat(state.requests(ListBuildBatchesRequest.class)).isEmpty();
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class)).hasSize(1);
    }

    @Test
    void nothingIsRecordedBeforeTheFirstCall(FakeCodeBuildState state) {
        assertThat(state.calls()).isEmpty();
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class)).isEmpty();
    }

    @Test
    void recordedCallsAreAnImmutableSnapshot(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app"));
        var calls = state.calls();
        var requests = state.requests(ListBuildBatchesForProjectRequest.class);

        codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app"));

        assertThat(calls).hasSize(1);
        assertThat(requests).hasSize(1);
        assertThat(state.calls()).hasSize(2);
        assertThatThrownBy(() -> calls.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> requests.remove(0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> calls.get(0).headers().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachResponseCarriesItsOwnRequestId(CodeBuildClient codeBuild) {
        var first = codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app"));
        var second = codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app"));

        String firstId = first.responseMetadata().requestId();
        String secondId = second.responseMetadata().requestId();
        assertThat(firstId).isNotBlank().isNotEqualTo("UNKNOWN");
        assertThat(secondId).isNotBlank().isNotEqualTo("UNKNOWN").isNotEqualTo(firstId);
        assertThat(first.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(first.sdkHttpResponse().firstMatchingHeader("Content-Type"))
                .contains("application/x-amz-json-1.1");
    }
}
