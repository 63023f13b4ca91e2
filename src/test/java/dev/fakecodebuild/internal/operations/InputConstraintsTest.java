package dev.fakecodebuild.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.BatchDeleteBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildBatchesRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.CacheMode;
import software.amazon.awssdk.services.codebuild.model.CacheType;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.DeleteBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.DeleteProjectRequest;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildsForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.ListFleetsRequest;
import software.amazon.awssdk.services.codebuild.model.ListProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.RetryBuildRequest;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.StartBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildRequest;
import software.amazon.awssdk.services.codebuild.model.Tag;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectRequest;

/** The service model's constraints on the input of every operation, checked without a server. */
class InputConstraintsTest {

    private static final String ONE = "1 validation error detected: ";
    private static final String PROJECT_NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9\\-_]{1,149}";
    private static final String TAG_PATTERN = "^([\\p{L}\\p{Z}\\p{N}_.:/=@+\\-]*)$";
    private static final String COMPUTE_TYPES =
            "[BUILD_GENERAL1_SMALL, BUILD_GENERAL1_MEDIUM, BUILD_GENERAL1_LARGE,"
                    + " BUILD_GENERAL1_XLARGE, BUILD_GENERAL1_2XLARGE, BUILD_LAMBDA_1GB,"
                    + " BUILD_LAMBDA_2GB, BUILD_LAMBDA_4GB, BUILD_LAMBDA_8GB, BUILD_LAMBDA_10GB,"
                    + " ATTRIBUTE_BASED_COMPUTE, CUSTOM_INSTANCE_TYPE]";

    private static String refusal(CodeBuildRequest request) {
        ServiceException refused =
                catchThrowableOfType(ServiceException.class, () -> InputConstraints.check(request));

        assertThat(refused).as("refusal of %s", request).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("InvalidInputException");
        return refused.getMessage();
    }

    private static void assertAccepted(CodeBuildRequest request) {
        assertThatCode(() -> InputConstraints.check(request)).doesNotThrowAnyException();
    }

    /** A project CreateProject accepts, to change one member of at a time. */
    private static CreateProjectRequest.Builder project() {
        return CreateProjectRequest.builder()
                .name("web-app")
                .source(s -> s.type(SourceType.NO_SOURCE))
                .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
                .environment(ValidRequests.linuxEnvironment())
                .serviceRole("arn:aws:iam::123456789012:role/build");
    }

    @Nested
    class Required {

        @Test
        void aMissingMemberIsNamed() {
            assertThat(refusal(StopBuildRequest.builder().build()))
                    .isEqualTo(
                            ONE
                                    + "Value null at 'id' failed to satisfy constraint:"
                                    + " Member must not be null");
        }

        @Test
        void aMissingMemberOfANestedStructureHasItsPath() {
            var request =
                    project()
                            .environment(
                                    e ->
                                            e.type(EnvironmentType.LINUX_CONTAINER)
                                                    .computeType(ComputeType.BUILD_GENERAL1_SMALL))
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value null at 'environment.image' failed to satisfy"
                                    + " constraint: Member must not be null");
        }

        @Test
        void aMissingBooleanIsRefusedToo() {
            var request =
                    StartBuildRequest.builder()
                            .projectName("web-app")
                            .gitSubmodulesConfigOverride(g -> {})
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value null at 'gitSubmodulesConfigOverride.fetchSubmodules'"
                                    + " failed to satisfy constraint: Member must not be null");
        }

        @Test
        void membersTheModelDoesNotRequireMayBeLeftOut() {
            // ListBuildBatchesForProject requires projectName by its own rule, not the model's.
            assertAccepted(ListBuildBatchesForProjectRequest.builder().build());
            assertAccepted(RetryBuildRequest.builder().build());
            assertAccepted(RetryBuildBatchRequest.builder().build());
        }
    }

    @Nested
    class Length {

        @Test
        void anEmptyStringIsTooShort() {
            assertThat(refusal(DeleteProjectRequest.builder().name("").build()))
                    .isEqualTo(
                            ONE
                                    + "Value '' at 'name' failed to satisfy constraint:"
                                    + " Member must have length greater than or equal to 1");
        }

        @Test
        void aStringOverTheMaximumIsTooLong() {
            String description = "d".repeat(256);

            assertThat(refusal(project().description(description).build()))
                    .isEqualTo(
                            ONE
                                    + "Value '"
                                    + description
                                    + "' at 'description' failed to satisfy constraint:"
                                    + " Member must have length less than or equal to 255");
            assertAccepted(project().description("d".repeat(255)).build());
            assertAccepted(project().description("").build());
        }

        @Test
        void lengthCountsCharactersNotUtf16Units() {
            String grinning = "\uD83D\uDE00";

            assertAccepted(project().description(grinning.repeat(255)).build());
            assertThat(refusal(project().description(grinning.repeat(256)).build()))
                    .endsWith("Member must have length less than or equal to 255");
        }

        @Test
        void anEmptyListIsTooShort() {
            assertThat(refusal(BatchGetBuildsRequest.builder().ids(List.of()).build()))
                    .isEqualTo(
                            ONE
                                    + "Value '[]' at 'ids' failed to satisfy constraint:"
                                    + " Member must have length greater than or equal to 1");
        }

        @Test
        void aListOverTheMaximumIsTooLong() {
            List<String> names =
                    IntStream.rangeClosed(1, 101).mapToObj(i -> "project-" + i).toList();

            assertThat(refusal(BatchGetProjectsRequest.builder().names(names).build()))
                    .isEqualTo(
                            ONE
                                    + "Value '"
                                    + names
                                    + "' at 'names' failed to satisfy constraint:"
                                    + " Member must have length less than or equal to 100");
            assertAccepted(BatchGetProjectsRequest.builder().names(names.subList(0, 100)).build());
        }

        @Test
        void aListOfStructuresShowsTheirValues() {
            List<Tag> tags =
                    IntStream.rangeClosed(1, 51)
                            .mapToObj(i -> Tag.builder().key("k" + i).value("v").build())
                            .toList();

            assertThat(tags.get(0)).hasToString("Tag(Key=k1, Value=v)");
            assertThat(refusal(project().tags(tags).build()))
                    .isEqualTo(
                            ONE
                                    + "Value '"
                                    + tags
                                    + "' at 'tags' failed to satisfy constraint:"
                                    + " Member must have length less than or equal to 50");
        }

        @Test
        void anEmptyListIsAllowedWhereTheModelAllowsIt() {
            // BuildBatchIds has min 0, unlike BuildIds.
            assertAccepted(BatchGetBuildBatchesRequest.builder().ids(List.of()).build());
        }

        @Test
        void aListWithOnlyAMaximum() {
            var request =
                    project()
                            .vpcConfig(
                                    v ->
                                            v.vpcId("vpc-1")
                                                    .securityGroupIds(
                                                            "sg-1", "sg-2", "sg-3", "sg-4", "sg-5",
                                                            "sg-6"))
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value '[sg-1, sg-2, sg-3, sg-4, sg-5, sg-6]' at"
                                    + " 'vpcConfig.securityGroupIds' failed to satisfy constraint:"
                                    + " Member must have length less than or equal to 5");
        }
    }

    @Nested
    class Range {

        @ParameterizedTest(name = "timeoutInMinutesOverride {0}")
        @ValueSource(ints = {4, 0, -1, Integer.MIN_VALUE})
        void belowTheMinimum(int minutes) {
            var request =
                    StartBuildRequest.builder()
                            .projectName("web-app")
                            .timeoutInMinutesOverride(minutes)
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value '"
                                    + minutes
                                    + "' at 'timeoutInMinutesOverride' failed to satisfy"
                                    + " constraint: Member must have value greater than or equal"
                                    + " to 5");
        }

        @ParameterizedTest(name = "timeoutInMinutesOverride {0}")
        @ValueSource(ints = {2161, Integer.MAX_VALUE})
        void aboveTheMaximum(int minutes) {
            var request =
                    StartBuildRequest.builder()
                            .projectName("web-app")
                            .timeoutInMinutesOverride(minutes)
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value '"
                                    + minutes
                                    + "' at 'timeoutInMinutesOverride' failed to satisfy"
                                    + " constraint: Member must have value less than or equal"
                                    + " to 2160");
        }

        @ParameterizedTest(name = "timeoutInMinutesOverride {0}")
        @ValueSource(ints = {5, 60, 2160})
        void withinTheRange(int minutes) {
            assertAccepted(
                    StartBuildRequest.builder()
                            .projectName("web-app")
                            .timeoutInMinutesOverride(minutes)
                            .build());
        }

        @Test
        void aRangeWithOnlyAMinimum() {
            assertThat(refusal(project().source(s -> s.type("S3").gitCloneDepth(-1)).build()))
                    .isEqualTo(
                            ONE
                                    + "Value '-1' at 'source.gitCloneDepth' failed to satisfy"
                                    + " constraint: Member must have value greater than or equal"
                                    + " to 0");
            assertAccepted(
                    project().source(s -> s.type("S3").gitCloneDepth(Integer.MAX_VALUE)).build());
        }
    }

    @Nested
    class EnumValues {

        @Test
        void anUnknownValueOfATopLevelMember() {
            assertThat(refusal(ListProjectsRequest.builder().sortBy("name").build()))
                    .isEqualTo(
                            ONE
                                    + "Value 'name' at 'sortBy' failed to satisfy constraint:"
                                    + " Member must satisfy enum value set:"
                                    + " [NAME, CREATED_TIME, LAST_MODIFIED_TIME]");
        }

        @Test
        void anUnknownValueOfANestedMember() {
            var request =
                    project()
                            .environment(
                                    e ->
                                            e.type(EnvironmentType.LINUX_CONTAINER)
                                                    .image("aws/codebuild/standard:7.0")
                                                    .computeType("BUILD_GENERAL1_HUGE"))
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value 'BUILD_GENERAL1_HUGE' at 'environment.computeType'"
                                    + " failed to satisfy constraint: Member must satisfy enum"
                                    + " value set: "
                                    + COMPUTE_TYPES);
        }

        @Test
        void anUnknownValueInAList() {
            var request =
                    StartBuildRequest.builder()
                            .projectName("web-app")
                            .cacheOverride(
                                    c ->
                                            c.type(CacheType.LOCAL)
                                                    .modesWithStrings(
                                                            "LOCAL_SOURCE_CACHE", "LOCAL_DISK"))
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value 'LOCAL_DISK' at 'cacheOverride.modes.2.member' failed"
                                    + " to satisfy constraint: Member must satisfy enum value set:"
                                    + " [LOCAL_DOCKER_LAYER_CACHE, LOCAL_SOURCE_CACHE,"
                                    + " LOCAL_CUSTOM_CACHE]");
        }

        @Test
        void valuesAreCaseSensitive() {
            assertThat(refusal(ListBuildsRequest.builder().sortOrder("ascending").build()))
                    .isEqualTo(
                            ONE
                                    + "Value 'ascending' at 'sortOrder' failed to satisfy"
                                    + " constraint: Member must satisfy enum value set:"
                                    + " [ASCENDING, DESCENDING]");
        }

        @Test
        void everyKnownValueIsAccepted() {
            for (SourceType type : SourceType.knownValues()) {
                assertAccepted(
                        StartBuildRequest.builder()
                                .projectName("web-app")
                                .sourceTypeOverride(type)
                                .build());
            }
            for (CacheMode mode : CacheMode.knownValues()) {
                assertAccepted(
                        StartBuildRequest.builder()
                                .projectName("web-app")
                                .cacheOverride(c -> c.type(CacheType.LOCAL).modes(mode))
                                .build());
            }
        }
    }

    @Nested
    class Patterns {

        @ParameterizedTest(name = "name \"{0}\"")
        @ValueSource(strings = {"web app", "-web-app", "_web", "web-app!", "web.app", "wéb"})
        void aNameTheProjectNamePatternRefuses(String name) {
            assertThat(refusal(project().name(name).build()))
                    .isEqualTo(
                            ONE
                                    + "Value '"
                                    + name
                                    + "' at 'name' failed to satisfy constraint:"
                                    + " Member must satisfy regular expression pattern: "
                                    + PROJECT_NAME_PATTERN);
        }

        @ParameterizedTest(name = "name \"{0}\"")
        @ValueSource(strings = {"ab", "web-app", "Web_App-2", "0-0"})
        void aNameThePatternAccepts(String name) {
            assertAccepted(project().name(name).build());
        }

        @Test
        void theLongestNameIsAllTheLengthAndThePatternAllow() {
            String longest = "a".repeat(150);

            assertAccepted(project().name(longest).build());
            assertThat(refusal(project().name(longest + "a").build()))
                    .isEqualTo(
                            "2 validation errors detected: "
                                    + "Value '"
                                    + longest
                                    + "a' at 'name' failed to satisfy constraint:"
                                    + " Member must have length less than or equal to 150; "
                                    + "Value '"
                                    + longest
                                    + "a' at 'name' failed to satisfy constraint:"
                                    + " Member must satisfy regular expression pattern: "
                                    + PROJECT_NAME_PATTERN);
        }

        @Test
        void aValueMayBreakTheLengthAndThePatternTogether() {
            assertThat(refusal(project().name("-").build()))
                    .isEqualTo(
                            "2 validation errors detected: "
                                    + "Value '-' at 'name' failed to satisfy constraint:"
                                    + " Member must have length greater than or equal to 2; "
                                    + "Value '-' at 'name' failed to satisfy constraint:"
                                    + " Member must satisfy regular expression pattern: "
                                    + PROJECT_NAME_PATTERN);
        }

        @SuppressWarnings("unchecked") // the SDK's varargs of Consumer builders
        @Test
        void anAnchoredPatternInAListElement() {
            var request = project().tags(t -> t.key("team").value("build"), t -> t.key("cost#"));

            assertThat(refusal(request.build()))
                    .isEqualTo(
                            ONE
                                    + "Value 'cost#' at 'tags.2.member.key' failed to satisfy"
                                    + " constraint: Member must satisfy regular expression"
                                    + " pattern: "
                                    + TAG_PATTERN);
        }

        @SuppressWarnings("unchecked") // the SDK's varargs of Consumer builders
        @Test
        void tagsTakeLettersAndDigitsOfAnyScript() {
            assertAccepted(
                    project().tags(t -> t.key("équipe Ω ٣").value("コード ビルド_1.0:/=@+-")).build());
            assertThat(refusal(project().tags(t -> t.key("team").value("a\nb")).build()))
                    .startsWith(ONE + "Value 'a\nb' at 'tags.1.member.value'");
        }
    }

    @Nested
    class Paths {

        @SuppressWarnings("unchecked") // the SDK's varargs of Consumer builders
        @Test
        void anElementOfAListOfStructuresIsCountedFromOne() {
            var request =
                    StartBuildRequest.builder()
                            .projectName("web-app")
                            .environmentVariablesOverride(
                                    v -> v.name("STAGE").value("test"), v -> v.value("orphan"))
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value null at 'environmentVariablesOverride.2.member.name'"
                                    + " failed to satisfy constraint: Member must not be null");
        }

        @Test
        void anElementOfAListOfStrings() {
            assertThat(refusal(BatchDeleteBuildsRequest.builder().ids("web-app:1", "").build()))
                    .isEqualTo(
                            ONE
                                    + "Value '' at 'ids.2.member' failed to satisfy constraint:"
                                    + " Member must have length greater than or equal to 1");
        }

        @Test
        void aNullElementIsMissing() {
            assertThat(refusal(BatchGetBuildsRequest.builder().ids("web-app:1", null).build()))
                    .isEqualTo(
                            ONE
                                    + "Value null at 'ids.2.member' failed to satisfy constraint:"
                                    + " Member must not be null");
            assertThat(
                            refusal(
                                    StartBuildRequest.builder()
                                            .projectName("web-app")
                                            .environmentVariablesOverride(
                                                    (EnvironmentVariable) null)
                                            .build()))
                    .isEqualTo(
                            ONE
                                    + "Value null at 'environmentVariablesOverride.1.member'"
                                    + " failed to satisfy constraint: Member must not be null");
        }

        @SuppressWarnings("unchecked") // the SDK's varargs of Consumer builders
        @Test
        void aStructureWithinAListElement() {
            var request =
                    StartBuildBatchRequest.builder()
                            .projectName("web-app")
                            .secondarySourcesOverride(
                                    s -> s.type(SourceType.S3).sourceIdentifier("assets"),
                                    s -> s.type(SourceType.GITHUB).auth(a -> a.resource("token")))
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value null at 'secondarySourcesOverride.2.member.auth.type'"
                                    + " failed to satisfy constraint: Member must not be null");
        }

        @Test
        void listsDeepInsideStructures() {
            var request =
                    StartBuildBatchRequest.builder()
                            .projectName("web-app")
                            .buildBatchConfigOverride(
                                    b -> b.restrictions(r -> r.computeTypesAllowed("SMALL", "")))
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value '' at"
                                    + " 'buildBatchConfigOverride.restrictions"
                                    + ".computeTypesAllowed.2.member'"
                                    + " failed to satisfy constraint:"
                                    + " Member must have length greater than or equal to 1");
        }

        @Test
        void structuresDeepInsideStructures() {
            var request =
                    project()
                            .logsConfig(
                                    l ->
                                            l.cloudWatchLogs(
                                                            c ->
                                                                    c.status(
                                                                            LogsConfigStatusType
                                                                                    .ENABLED))
                                                    .s3Logs(s -> s.status("ON")))
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            ONE
                                    + "Value 'ON' at 'logsConfig.s3Logs.status' failed to satisfy"
                                    + " constraint: Member must satisfy enum value set:"
                                    + " [ENABLED, DISABLED]");
        }
    }

    @Nested
    class SeveralViolations {

        @Test
        void aStructuresOwnMembersComeBeforeWhatIsInsideThem() {
            var request =
                    ListBuildBatchesForProjectRequest.builder()
                            .filter(f -> f.status("BOGUS"))
                            .maxResults(0)
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            "2 validation errors detected: "
                                    + "Value '0' at 'maxResults' failed to satisfy constraint:"
                                    + " Member must have value greater than or equal to 1; "
                                    + "Value 'BOGUS' at 'filter.status' failed to satisfy"
                                    + " constraint: Member must satisfy enum value set:"
                                    + " [SUCCEEDED, FAILED, FAULT, TIMED_OUT, IN_PROGRESS,"
                                    + " STOPPED]");
        }

        @SuppressWarnings("unchecked") // the SDK's varargs of Consumer builders
        @Test
        void eachListElementIsCheckedWholeBeforeTheNext() {
            var request =
                    StartBuildRequest.builder()
                            .projectName("web-app")
                            .environmentVariablesOverride(
                                    v -> v.name(""),
                                    v -> v.value("v").type("PLAIN"),
                                    v ->
                                            v.name("OK")
                                                    .value("v")
                                                    .type(EnvironmentVariableType.PLAINTEXT))
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            "4 validation errors detected: "
                                    + "Value '' at 'environmentVariablesOverride.1.member.name'"
                                    + " failed to satisfy constraint:"
                                    + " Member must have length greater than or equal to 1; "
                                    + "Value null at 'environmentVariablesOverride.1.member.value'"
                                    + " failed to satisfy constraint: Member must not be null; "
                                    + "Value null at 'environmentVariablesOverride.2.member.name'"
                                    + " failed to satisfy constraint: Member must not be null; "
                                    + "Value 'PLAIN' at 'environmentVariablesOverride.2.member.type'"
                                    + " failed to satisfy constraint: Member must satisfy enum"
                                    + " value set: [PLAINTEXT, PARAMETER_STORE, SECRETS_MANAGER]");
        }

        @SuppressWarnings("unchecked") // the SDK's varargs of Consumer builders
        @Test
        void everyViolationOfARequestIsReportedInOrder() {
            var request =
                    CreateProjectRequest.builder()
                            .tags(t -> t.key(""))
                            .timeoutInMinutes(3000)
                            .environment(e -> e.type("LINUX").image(""))
                            .artifacts(a -> a.type(ArtifactsType.S3).packaging("TAR"))
                            .name("x")
                            .build();

            assertThat(refusal(request))
                    .isEqualTo(
                            "10 validation errors detected: "
                                    + "Value 'x' at 'name' failed to satisfy constraint:"
                                    + " Member must have length greater than or equal to 2; "
                                    + "Value 'x' at 'name' failed to satisfy constraint:"
                                    + " Member must satisfy regular expression pattern: "
                                    + PROJECT_NAME_PATTERN
                                    + "; "
                                    + "Value null at 'source' failed to satisfy constraint:"
                                    + " Member must not be null; "
                                    + "Value null at 'serviceRole' failed to satisfy constraint:"
                                    + " Member must not be null; "
                                    + "Value '3000' at 'timeoutInMinutes' failed to satisfy"
                                    + " constraint: Member must have value less than or equal"
                                    + " to 2160; "
                                    + "Value 'TAR' at 'artifacts.packaging' failed to satisfy"
                                    + " constraint: Member must satisfy enum value set:"
                                    + " [NONE, ZIP]; "
                                    + "Value 'LINUX' at 'environment.type' failed to satisfy"
                                    + " constraint: Member must satisfy enum value set:"
                                    + " [WINDOWS_CONTAINER, LINUX_CONTAINER, LINUX_GPU_CONTAINER,"
                                    + " ARM_CONTAINER, WINDOWS_SERVER_2019_CONTAINER,"
                                    + " WINDOWS_SERVER_2022_CONTAINER, LINUX_LAMBDA_CONTAINER,"
                                    + " ARM_LAMBDA_CONTAINER, LINUX_EC2, ARM_EC2, WINDOWS_EC2,"
                                    + " MAC_ARM]; "
                                    + "Value '' at 'environment.image' failed to satisfy"
                                    + " constraint: Member must have length greater than or"
                                    + " equal to 1; "
                                    + "Value null at 'environment.computeType' failed to satisfy"
                                    + " constraint: Member must not be null; "
                                    + "Value '' at 'tags.1.member.key' failed to satisfy"
                                    + " constraint: Member must have length greater than or"
                                    + " equal to 1");
        }
    }

    @Nested
    class Coverage {

        /** Every operation of the table, with its required members and nothing else. */
        static Stream<Arguments> minimalRequests() {
            return Stream.of(
                    request(
                            "ListBuildBatchesForProject",
                            ListBuildBatchesForProjectRequest.builder()),
                    request("ListBuildBatches", ListBuildBatchesRequest.builder()),
                    request("BatchGetBuildBatches", BatchGetBuildBatchesRequest.builder().ids("b")),
                    request(
                            "StartBuildBatch",
                            StartBuildBatchRequest.builder().projectName("web-app")),
                    request("StopBuildBatch", StopBuildBatchRequest.builder().id("web-app:1")),
                    request("RetryBuildBatch", RetryBuildBatchRequest.builder()),
                    request("DeleteBuildBatch", DeleteBuildBatchRequest.builder().id("web-app:1")),
                    request("StartBuild", StartBuildRequest.builder().projectName("web-app")),
                    request("BatchGetBuilds", BatchGetBuildsRequest.builder().ids("web-app:1")),
                    request("ListBuilds", ListBuildsRequest.builder()),
                    request(
                            "ListBuildsForProject",
                            ListBuildsForProjectRequest.builder().projectName("web-app")),
                    request("StopBuild", StopBuildRequest.builder().id("web-app:1")),
                    request(
                            "BatchDeleteBuilds",
                            BatchDeleteBuildsRequest.builder().ids("web-app:1")),
                    request("RetryBuild", RetryBuildRequest.builder()),
                    request(
                            "CreateProject",
                            CreateProjectRequest.builder()
                                    .name("web-app")
                                    .source(ProjectSource.builder().type(SourceType.S3).build())
                                    .artifacts(
                                            ProjectArtifacts.builder()
                                                    .type(ArtifactsType.NO_ARTIFACTS)
                                                    .build())
                                    .environment(ValidRequests.linuxEnvironment())
                                    .serviceRole("role")),
                    request("BatchGetProjects", BatchGetProjectsRequest.builder().names("web-app")),
                    request("ListProjects", ListProjectsRequest.builder()),
                    request("UpdateProject", UpdateProjectRequest.builder().name("web-app")),
                    request("DeleteProject", DeleteProjectRequest.builder().name("web-app")));
        }

        private static Arguments request(String operation, CodeBuildRequest.Builder builder) {
            return Arguments.of(named(operation, builder.build()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("minimalRequests")
        void everyOperationAcceptsItsRequiredMembersAlone(CodeBuildRequest request) {
            assertThat(InputConstraints.covers(request.getClass())).isTrue();
            assertAccepted(request);
        }

        @Test
        void everyOperationRefusesItsRequiredMembersLeftOut() {
            assertThat(refusal(CreateProjectRequest.builder().build()))
                    .isEqualTo(
                            "5 validation errors detected: "
                                    + "Value null at 'name' failed to satisfy constraint:"
                                    + " Member must not be null; "
                                    + "Value null at 'source' failed to satisfy constraint:"
                                    + " Member must not be null; "
                                    + "Value null at 'artifacts' failed to satisfy constraint:"
                                    + " Member must not be null; "
                                    + "Value null at 'environment' failed to satisfy constraint:"
                                    + " Member must not be null; "
                                    + "Value null at 'serviceRole' failed to satisfy constraint:"
                                    + " Member must not be null");
            assertThat(
                            Stream.<CodeBuildRequest>of(
                                            BatchGetBuildBatchesRequest.builder().build(),
                                            StartBuildBatchRequest.builder().build(),
                                            StopBuildBatchRequest.builder().build(),
                                            DeleteBuildBatchRequest.builder().build(),
                                            StartBuildRequest.builder().build(),
                                            BatchGetBuildsRequest.builder().build(),
                                            ListBuildsForProjectRequest.builder().build(),
                                            StopBuildRequest.builder().build(),
                                            BatchDeleteBuildsRequest.builder().build(),
                                            BatchGetProjectsRequest.builder().build(),
                                            UpdateProjectRequest.builder().build(),
                                            DeleteProjectRequest.builder().build())
                                    .map(InputConstraintsTest::refusal))
                    .containsExactly(
                            missing("ids"),
                            missing("projectName"),
                            missing("id"),
                            missing("id"),
                            missing("projectName"),
                            missing("ids"),
                            missing("projectName"),
                            missing("id"),
                            missing("ids"),
                            missing("names"),
                            missing("name"),
                            missing("name"));
        }

        private static String missing(String member) {
            return ONE
                    + "Value null at '"
                    + member
                    + "' failed to satisfy constraint: Member must not be null";
        }

        static Stream<Arguments> fullRequests() {
            return Stream.of(
                    Arguments.of(named("CreateProject", ValidRequests.createProject())),
                    Arguments.of(named("UpdateProject", ValidRequests.updateProject())),
                    Arguments.of(named("StartBuild", ValidRequests.startBuild())),
                    Arguments.of(named("StartBuildBatch", ValidRequests.startBuildBatch())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("fullRequests")
        void everyMemberSetValidlyIsAccepted(CodeBuildRequest request) {
            assertThat(ValidRequests.unsetMembers(request)).isEmpty();

            assertAccepted(request);
        }

        @Test
        void anOperationOutsideTheTableIsAMistakeOfTheFake() {
            assertThat(InputConstraints.covers(ListFleetsRequest.class)).isFalse();
            assertThatThrownBy(() -> InputConstraints.check(ListFleetsRequest.builder().build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "No input constraints are written for ListFleetsRequest;"
                                    + " add its shape to the table first");
        }
    }
}
