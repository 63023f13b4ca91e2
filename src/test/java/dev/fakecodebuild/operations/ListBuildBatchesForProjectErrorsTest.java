package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static dev.fakecodebuild.operations.ServiceErrors.resourceNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** How ListBuildBatchesForProject refuses input CodeBuild would refuse. */
@FakeCodeBuild
class ListBuildBatchesForProjectErrorsTest {

    private static final String ONE = "1 validation error detected: ";
    private static final String STATUS_VALUES =
            "[SUCCEEDED, FAILED, FAULT, TIMED_OUT, IN_PROGRESS, STOPPED]";

    private static void assertRecordedRefusal(
            FakeCodeBuildState state, ListBuildBatchesForProjectRequest sent, String errorCode) {
        assertThat(state.calls())
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.operation()).isEqualTo("ListBuildBatchesForProject");
                            assertThat(call.statusCode()).isEqualTo(400);
                            assertThat(call.errorCode()).contains(errorCode);
                            assertThat(call.request()).contains(sent);
                        });
    }

    @Nested
    class MaxResults {

        @ParameterizedTest(name = "maxResults {0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "0           | Member must have value greater than or equal to 1",
                    "-1          | Member must have value greater than or equal to 1",
                    "-2147483648 | Member must have value greater than or equal to 1",
                    "101         | Member must have value less than or equal to 100",
                    "2147483647  | Member must have value less than or equal to 100",
                })
        void outOfRangeIsRefused(
                int maxResults,
                String constraint,
                CodeBuildClient codeBuild,
                FakeCodeBuildState state) {
            state.addProject("web-app");
            var request =
                    ListBuildBatchesForProjectRequest.builder()
                            .projectName("web-app")
                            .maxResults(maxResults)
                            .build();

            invalidInput(
                    () -> codeBuild.listBuildBatchesForProject(request),
                    ONE
                            + "Value '"
                            + maxResults
                            + "' at 'maxResults' failed to satisfy constraint: "
                            + constraint);
            assertRecordedRefusal(state, request, ServiceErrors.INVALID_INPUT);
        }

        @Test
        void zeroHasTheExactMessage(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            invalidInput(
                    () ->
                            codeBuild.listBuildBatchesForProject(
                                    r -> r.projectName("web-app").maxResults(0)),
                    "1 validation error detected: Value '0' at 'maxResults' failed to satisfy"
                            + " constraint: Member must have value greater than or equal to 1");
        }

        @ParameterizedTest(name = "maxResults {0}")
        @ValueSource(ints = {1, 2, 50, 99, 100})
        void inRangeIsAccepted(
                int maxResults, CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            for (int i = 0; i < 100; i++) {
                state.addBuildBatch("web-app", StatusType.SUCCEEDED);
            }

            var response =
                    codeBuild.listBuildBatchesForProject(
                            r -> r.projectName("web-app").maxResults(maxResults));

            assertThat(response.ids()).hasSize(maxResults);
            assertThat(response.nextToken() == null).isEqualTo(maxResults == 100);
        }
    }

    @Nested
    class ProjectName {

        @Test
        void missingIsRefused(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var request = ListBuildBatchesForProjectRequest.builder().build();

            invalidInput(
                    () -> codeBuild.listBuildBatchesForProject(request),
                    "1 validation error detected: Value null at 'projectName' failed to satisfy"
                            + " constraint: Member must not be null");
            assertRecordedRefusal(state, request, ServiceErrors.INVALID_INPUT);
        }

        @Test
        void missingIsRefusedEvenWithOtherMembers(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            invalidInput(
                    () ->
                            codeBuild.listBuildBatchesForProject(
                                    r -> r.maxResults(5).filter(f -> f.status(StatusType.FAILED))),
                    "1 validation error detected: Value null at 'projectName' failed to satisfy"
                            + " constraint: Member must not be null");
        }

        @Test
        void emptyIsRefused(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var request = ListBuildBatchesForProjectRequest.builder().projectName("").build();

            invalidInput(
                    () -> codeBuild.listBuildBatchesForProject(request),
                    "1 validation error detected: Value '' at 'projectName' failed to satisfy"
                            + " constraint: Member must have length greater than or equal to 1");
            assertRecordedRefusal(state, request, ServiceErrors.INVALID_INPUT);
        }

        @Test
        void unknownProjectIsNotFound(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            var request = ListBuildBatchesForProjectRequest.builder().projectName("ghost").build();

            resourceNotFound(
                    () -> codeBuild.listBuildBatchesForProject(request),
                    "Project cannot be found:"
                            + " arn:aws:codebuild:us-east-1:123456789012:project/ghost");
            assertRecordedRefusal(state, request, ServiceErrors.RESOURCE_NOT_FOUND);
        }

        @Test
        void projectNamesAreCaseSensitive(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            resourceNotFound(
                    () -> codeBuild.listBuildBatchesForProject(r -> r.projectName("Web-App")),
                    "Project cannot be found:"
                            + " arn:aws:codebuild:us-east-1:123456789012:project/Web-App");
        }

        @Test
        void projectOfAnEarlierTestIsGone(CodeBuildClient codeBuild) {
            // Every test here seeds its own projects; none is left over from another test.
            resourceNotFound(
                    () -> codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app")),
                    "Project cannot be found:"
                            + " arn:aws:codebuild:us-east-1:123456789012:project/web-app");
        }

        @Test
        void validationComesBeforeTheProjectLookup(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            invalidInput(
                    () ->
                            codeBuild.listBuildBatchesForProject(
                                    r -> r.projectName("ghost").maxResults(0)),
                    "1 validation error detected: Value '0' at 'maxResults' failed to satisfy"
                            + " constraint: Member must have value greater than or equal to 1");
        }
    }

    @Nested
    class EnumValues {

        @ParameterizedTest(name = "sortOrder {0}")
        @ValueSource(strings = {"SIDEWAYS", "descending", ""})
        void unknownSortOrderIsRefused(
                String sortOrder, CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            invalidInput(
                    () ->
                            codeBuild.listBuildBatchesForProject(
                                    r -> r.projectName("web-app").sortOrder(sortOrder)),
                    ONE
                            + "Value '"
                            + sortOrder
                            + "' at 'sortOrder' failed to satisfy constraint:"
                            + " Member must satisfy enum value set: [ASCENDING, DESCENDING]");
        }

        @ParameterizedTest(name = "filter.status {0}")
        @ValueSource(strings = {"BOGUS", "succeeded", ""})
        void unknownFilterStatusIsRefused(
                String status, CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            invalidInput(
                    () ->
                            codeBuild.listBuildBatchesForProject(
                                    r -> r.projectName("web-app").filter(f -> f.status(status))),
                    ONE
                            + "Value '"
                            + status
                            + "' at 'filter.status' failed to satisfy constraint:"
                            + " Member must satisfy enum value set: "
                            + STATUS_VALUES);
        }
    }

    @Nested
    class SeveralViolations {

        @Test
        void twoAreReportedTogether(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var request = ListBuildBatchesForProjectRequest.builder().maxResults(0).build();

            invalidInput(
                    () -> codeBuild.listBuildBatchesForProject(request),
                    "2 validation errors detected: Value null at 'projectName' failed to satisfy"
                            + " constraint: Member must not be null; Value '0' at 'maxResults'"
                            + " failed to satisfy constraint: Member must have value greater than"
                            + " or equal to 1");
            assertRecordedRefusal(state, request, ServiceErrors.INVALID_INPUT);
        }

        @Test
        void fourAreReportedInMemberOrder(CodeBuildClient codeBuild) {
            invalidInput(
                    () ->
                            codeBuild.listBuildBatchesForProject(
                                    r ->
                                            r.filter(f -> f.status("BOGUS"))
                                                    .sortOrder("SIDEWAYS")
                                                    .maxResults(101)
                                                    .projectName("")),
                    "4 validation errors detected: "
                            + "Value '' at 'projectName' failed to satisfy constraint:"
                            + " Member must have length greater than or equal to 1; "
                            + "Value '101' at 'maxResults' failed to satisfy constraint:"
                            + " Member must have value less than or equal to 100; "
                            + "Value 'SIDEWAYS' at 'sortOrder' failed to satisfy constraint:"
                            + " Member must satisfy enum value set: [ASCENDING, DESCENDING]; "
                            + "Value 'BOGUS' at 'filter.status' failed to satisfy constraint:"
                            + " Member must satisfy enum value set: "
                            + STATUS_VALUES);
        }
    }

    @Nested
    @FakeCodeBuild(region = "eu-west-1", accountId = "111122223333")
    class OtherRegionAndAccount {

        @Test
        void notFoundNamesTheArnOfTheFakesRegionAndAccount(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            assertThat(state.region()).isEqualTo(Region.EU_WEST_1);
            assertThat(state.accountId()).isEqualTo("111122223333");

            resourceNotFound(
                    () -> codeBuild.listBuildBatchesForProject(r -> r.projectName("ghost")),
                    "Project cannot be found:"
                            + " arn:aws:codebuild:eu-west-1:111122223333:project/ghost");
        }

        @Test
        void seededArnsUseTheRegionAndAccount(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var project = state.addProject("web-app");
            var batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

            assertThat(project.arn())
                    .isEqualTo("arn:aws:codebuild:eu-west-1:111122223333:project/web-app");
            assertThat(batch.arn())
                    .isEqualTo(
                            "arn:aws:codebuild:eu-west-1:111122223333:build-batch/" + batch.id());
            assertThat(codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app")).ids())
                    .containsExactly(batch.id());
        }

        @Test
        void theInjectedClientSignsForTheRegion(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app"));

            Optional<String> authorization = state.calls().get(0).header("Authorization");
            assertThat(authorization)
                    .hasValueSatisfying(
                            value ->
                                    assertThat(value)
                                            .startsWith("AWS4-HMAC-SHA256 Credential=")
                                            .contains("/eu-west-1/codebuild/aws4_request"));
        }
    }

    @Nested
    @FakeCodeBuild(region = "cn-north-1")
    class ChinaRegion {

        @Test
        void arnsUseTheAwsCnPartition(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var project = state.addProject("web-app");
            var batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

            assertThat(project.arn())
                    .isEqualTo("arn:aws-cn:codebuild:cn-north-1:123456789012:project/web-app");
            assertThat(batch.arn())
                    .isEqualTo(
                            "arn:aws-cn:codebuild:cn-north-1:123456789012:build-batch/"
                                    + batch.id());
            resourceNotFound(
                    () -> codeBuild.listBuildBatchesForProject(r -> r.projectName("ghost")),
                    "Project cannot be found:"
                            + " arn:aws-cn:codebuild:cn-north-1:123456789012:project/ghost");
        }
    }

    @Nested
    @FakeCodeBuild(region = "us-gov-west-1", accountId = "000000000000")
    class GovCloudRegion {

        @Test
        void arnsUseTheAwsUsGovPartition(CodeBuildClient codeBuild) {
            resourceNotFound(
                    () -> codeBuild.listBuildBatchesForProject(r -> r.projectName("ghost")),
                    "Project cannot be found:"
                            + " arn:aws-us-gov:codebuild:us-gov-west-1:000000000000:project/ghost");
        }
    }

    @Test
    void refusalsLeaveTheConnectionUsable(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.addProject("web-app");
        var batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

        for (int i = 0; i < 5; i++) {
            invalidInput(
                    () ->
                            codeBuild.listBuildBatchesForProject(
                                    r -> r.projectName("web-app").maxResults(0)),
                    ONE
                            + "Value '0' at 'maxResults' failed to satisfy constraint:"
                            + " Member must have value greater than or equal to 1");
            assertThat(codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app")).ids())
                    .containsExactly(batch.id());
        }

        assertThat(state.calls())
                .extracting(RecordedCall::statusCode)
                .containsExactly(400, 200, 400, 200, 400, 200, 400, 200, 400, 200);
    }
}
