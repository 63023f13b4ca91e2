package dev.fakecodebuild.wire;

import static dev.fakecodebuild.wire.Wire.LIST;
import static dev.fakecodebuild.wire.Wire.assertAnswer;
import static dev.fakecodebuild.wire.Wire.assertError;
import static dev.fakecodebuild.wire.Wire.assertRecorded;
import static dev.fakecodebuild.wire.Wire.assertRequestId;
import static dev.fakecodebuild.wire.Wire.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * Well-formed JSON sent raw: values the SDK's enums would never send, empty bodies, unknown
 * members, and the exact shape of successful answers.
 */
@FakeCodeBuild
class RequestBodyTest {

    private static final String PROJECT_NULL =
            "1 validation error detected: Value null at 'projectName' failed to satisfy"
                    + " constraint: Member must not be null";

    @Test
    void unknownSortOrderIsInvalidInput(FakeCodeBuildState state) {
        state.addProject("web-app");
        String body = "{\"projectName\":\"web-app\",\"sortOrder\":\"SIDEWAYS\"}";

        var response = post(state.endpoint(), LIST, body);

        assertError(
                response,
                400,
                "InvalidInputException",
                "1 validation error detected: Value 'SIDEWAYS' at 'sortOrder' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [ASCENDING,"
                        + " DESCENDING]");
        RecordedCall call = single(state);
        assertRecorded(
                call, "ListBuildBatchesForProject", LIST, body, 400, "InvalidInputException");
        var request = (ListBuildBatchesForProjectRequest) call.request().orElseThrow();
        assertThat(request.sortOrder()).isEqualTo(SortOrderType.UNKNOWN_TO_SDK_VERSION);
        assertThat(request.sortOrderAsString()).isEqualTo("SIDEWAYS");
        assertThat(request.projectName()).isEqualTo("web-app");
    }

    @Test
    void unknownFilterStatusIsInvalidInput(FakeCodeBuildState state) {
        state.addProject("web-app");
        String body = "{\"projectName\":\"web-app\",\"filter\":{\"status\":\"DONE\"}}";

        var response = post(state.endpoint(), LIST, body);

        assertError(
                response,
                400,
                "InvalidInputException",
                "1 validation error detected: Value 'DONE' at 'filter.status' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [SUCCEEDED, FAILED,"
                        + " FAULT, TIMED_OUT, IN_PROGRESS, STOPPED]");
        RecordedCall call = single(state);
        assertRecorded(
                call, "ListBuildBatchesForProject", LIST, body, 400, "InvalidInputException");
        var request = (ListBuildBatchesForProjectRequest) call.request().orElseThrow();
        assertThat(request.filter().status()).isEqualTo(StatusType.UNKNOWN_TO_SDK_VERSION);
        assertThat(request.filter().statusAsString()).isEqualTo("DONE");
    }

    @Test
    void enumValuesAreCaseSensitive(FakeCodeBuildState state) {
        state.addProject("web-app");

        var response =
                post(
                        state.endpoint(),
                        LIST,
                        "{\"projectName\":\"web-app\",\"sortOrder\":\"ascending\"}");

        assertError(
                response,
                400,
                "InvalidInputException",
                "1 validation error detected: Value 'ascending' at 'sortOrder' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [ASCENDING,"
                        + " DESCENDING]");
    }

    @Test
    void everyViolationIsReportedAtOnce(FakeCodeBuildState state) {
        var response =
                post(
                        state.endpoint(),
                        LIST,
                        "{\"maxResults\":0,\"sortOrder\":\"SIDEWAYS\","
                                + "\"filter\":{\"status\":\"DONE\"}}");

        assertError(
                response,
                400,
                "InvalidInputException",
                "4 validation errors detected: Value null at 'projectName' failed to satisfy"
                        + " constraint: Member must not be null; Value '0' at 'maxResults' failed"
                        + " to satisfy constraint: Member must have value greater than or equal to"
                        + " 1; Value 'SIDEWAYS' at 'sortOrder' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [ASCENDING, DESCENDING]; Value"
                        + " 'DONE' at 'filter.status' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: [SUCCEEDED, FAILED, FAULT, TIMED_OUT,"
                        + " IN_PROGRESS, STOPPED]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", " \r\n\t ", " { } ", "{\"projectName\":null}"})
    void emptyBodyIsAnEmptyRequest(String body, FakeCodeBuildState state) {
        var response = post(state.endpoint(), LIST, body);

        assertError(response, 400, "InvalidInputException", PROJECT_NULL);
        RecordedCall call = single(state);
        assertRecorded(
                call, "ListBuildBatchesForProject", LIST, body, 400, "InvalidInputException");
        assertThat(call.request()).contains(ListBuildBatchesForProjectRequest.builder().build());
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class))
                .containsExactly(ListBuildBatchesForProjectRequest.builder().build());
    }

    @Test
    void emptyProjectNameIsInvalidInput(FakeCodeBuildState state) {
        var response = post(state.endpoint(), LIST, "{\"projectName\":\"\"}");

        assertError(
                response,
                400,
                "InvalidInputException",
                "1 validation error detected: Value '' at 'projectName' failed to satisfy"
                        + " constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void unknownProjectIsResourceNotFound(FakeCodeBuildState state) {
        String body = "{\"projectName\":\"nope\"}";

        var response = post(state.endpoint(), LIST, body);

        assertError(
                response,
                400,
                "ResourceNotFoundException",
                "Project cannot be found: arn:aws:codebuild:us-east-1:123456789012:project/nope");
        assertRecorded(
                single(state),
                "ListBuildBatchesForProject",
                LIST,
                body,
                400,
                "ResourceNotFoundException");
    }

    @Test
    void unknownMembersAreIgnored(FakeCodeBuildState state) {
        state.addProject("web-app");
        BuildBatch batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
        String body =
                "{\"colour\":\"blue\",\"projectName\":\"web-app\",\"nested\":{\"a\":[1,2.5e3,"
                        + "{\"b\":null,\"c\":[true,false]}]},\"filter\":{\"status\":\"SUCCEEDED\","
                        + "\"extra\":\"x\"},\"Maxresults\":\"not a member\",\"sortorder\":1}";

        var response = post(state.endpoint(), LIST, body);

        assertAnswer(response, 200, "{\"ids\":[\"" + batch.id() + "\"]}");
        RecordedCall call = single(state);
        assertRecorded(call, "ListBuildBatchesForProject", LIST, body, 200, null);
        assertThat(call.request())
                .contains(
                        ListBuildBatchesForProjectRequest.builder()
                                .projectName("web-app")
                                .filter(f -> f.status(StatusType.SUCCEEDED))
                                .build());
    }

    @Test
    void nullMembersAreAbsent(FakeCodeBuildState state) {
        state.addProject("web-app");
        String body =
                "{\"projectName\":\"web-app\",\"maxResults\":null,\"sortOrder\":null,"
                        + "\"nextToken\":null,\"filter\":null}";

        var response = post(state.endpoint(), LIST, body);

        assertAnswer(response, 200, "{\"ids\":[]}");
        assertThat(single(state).request())
                .contains(
                        ListBuildBatchesForProjectRequest.builder().projectName("web-app").build());
    }

    @Test
    void noIdsIsExactlyAnEmptyArrayWithoutNextToken(FakeCodeBuildState state) {
        state.addProject("web-app");
        state.addBuildBatch("web-app", StatusType.FAILED);

        var none =
                post(
                        state.endpoint(),
                        LIST,
                        "{\"projectName\":\"web-app\"," + "\"filter\":{\"status\":\"SUCCEEDED\"}}");
        var empty =
                post(
                        state.endpoint(),
                        LIST,
                        "{\"projectName\":\"web-app\","
                                + "\"filter\":{\"status\":\"STOPPED\"},\"maxResults\":1}");

        assertAnswer(none, 200, "{\"ids\":[]}");
        assertAnswer(empty, 200, "{\"ids\":[]}");
        assertThat(state.calls())
                .extracting(RecordedCall::statusCode, c -> c.errorCode().isPresent())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(200, false),
                        org.assertj.core.groups.Tuple.tuple(200, false));
    }

    @Test
    void pagedAnswerCarriesNextTokenUntilTheLastPage(FakeCodeBuildState state) {
        state.addProject("web-app");
        BuildBatch first = state.addBuildBatch("web-app", StatusType.FAILED);
        BuildBatch second = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
        BuildBatch third = state.addBuildBatch("web-app", StatusType.STOPPED);

        var page1 = post(state.endpoint(), LIST, "{\"projectName\":\"web-app\",\"maxResults\":2}");

        assertThat(page1.statusCode()).isEqualTo(200);
        Matcher matcher =
                Pattern.compile(
                                "\\{\"ids\":\\[\""
                                        + Pattern.quote(third.id())
                                        + "\",\""
                                        + Pattern.quote(second.id())
                                        + "\"],\"nextToken\":\"([A-Za-z0-9_-]+)\"}")
                        .matcher(page1.body());
        assertThat(matcher.matches()).as(page1.body()).isTrue();
        String token = matcher.group(1);

        String body2 =
                "{\"projectName\":\"web-app\",\"maxResults\":2,\"nextToken\":\"" + token + "\"}";
        var page2 = post(state.endpoint(), LIST, body2);

        assertAnswer(page2, 200, "{\"ids\":[\"" + first.id() + "\"]}");
        assertThat(state.calls().get(1).request())
                .contains(
                        ListBuildBatchesForProjectRequest.builder()
                                .projectName("web-app")
                                .maxResults(2)
                                .nextToken(token)
                                .build());
    }

    @Test
    void requestIdDiffersPerAnswer(FakeCodeBuildState state) {
        state.addProject("web-app");
        var ok1 = post(state.endpoint(), LIST, "{\"projectName\":\"web-app\"}");
        var ok2 = post(state.endpoint(), LIST, "{\"projectName\":\"web-app\"}");
        var bad = post(state.endpoint(), LIST, "{");

        assertThat(
                        java.util.List.of(
                                assertRequestId(ok1), assertRequestId(ok2), assertRequestId(bad)))
                .doesNotHaveDuplicates();
    }

    private static RecordedCall single(FakeCodeBuildState state) {
        assertThat(state.calls()).hasSize(1);
        return state.calls().get(0);
    }
}
