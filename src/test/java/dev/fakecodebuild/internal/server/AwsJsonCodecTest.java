package dev.fakecodebuild.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhaseType;
import software.amazon.awssdk.services.codebuild.model.BuildGroup;
import software.amazon.awssdk.services.codebuild.model.CodeCoverageReportSummary;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectResponse;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.PhaseContext;
import software.amazon.awssdk.services.codebuild.model.Report;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.StatusType;
import software.amazon.awssdk.services.codebuild.model.TestReportSummary;

class AwsJsonCodecTest {

    private static final Instant START = Instant.ofEpochMilli(1556905683568L);
    private static final Instant END = Instant.ofEpochMilli(1556905783001L);

    @SuppressWarnings("unchecked") // the SDK's varargs of Consumer builders
    static BuildBatch richBatch() {
        return BuildBatch.builder()
                .id("web-app:6e5c5c2c-7f0e-4f4a-9d5d-0a1b2c3d4e5f")
                .arn(
                        "arn:aws:codebuild:us-east-1:123456789012:build-batch/"
                                + "web-app:6e5c5c2c-7f0e-4f4a-9d5d-0a1b2c3d4e5f")
                .startTime(START)
                .endTime(END)
                .currentPhase("SUCCEEDED")
                .buildBatchStatus(StatusType.SUCCEEDED)
                .sourceVersion("refs/heads/main")
                .projectName("web-app")
                .phases(
                        p ->
                                p.phaseType(BuildBatchPhaseType.SUBMITTED)
                                        .phaseStatus(StatusType.SUCCEEDED)
                                        .startTime(START)
                                        .endTime(START.plusMillis(1))
                                        .durationInSeconds(0L),
                        p ->
                                p.phaseType(BuildBatchPhaseType.IN_PROGRESS)
                                        .phaseStatus(StatusType.FAILED)
                                        .startTime(START.plusMillis(1))
                                        .endTime(END)
                                        .durationInSeconds(99L)
                                        .contexts(
                                                PhaseContext.builder()
                                                        .statusCode("BUILD_FAILED")
                                                        .message("step \"2\" failed:\n\texit 1")
                                                        .build(),
                                                PhaseContext.builder().statusCode("").build()),
                        p -> p.phaseType(BuildBatchPhaseType.SUCCEEDED))
                .source(
                        s ->
                                s.type(SourceType.GITHUB)
                                        .location("https://github.example/o/r.git")
                                        .gitCloneDepth(1)
                                        .gitSubmodulesConfig(g -> g.fetchSubmodules(true))
                                        .buildspec(
                                                "version: 0.2\nphases:\n  build:\n    commands:\n"
                                                        + "      - echo \"C:\\path\" \u00e9 \u2713")
                                        .reportBuildStatus(false))
                .secondarySources(
                        s ->
                                s.type(SourceType.S3)
                                        .location("bucket/key.zip")
                                        .sourceIdentifier("s3"))
                .environment(
                        e ->
                                e.type(EnvironmentType.LINUX_CONTAINER)
                                        .image("aws/codebuild/standard:7.0")
                                        .computeType(ComputeType.BUILD_GENERAL1_SMALL)
                                        .privilegedMode(false)
                                        .environmentVariables(
                                                EnvironmentVariable.builder()
                                                        .name("STAGE")
                                                        .value("prod")
                                                        .type(EnvironmentVariableType.PLAINTEXT)
                                                        .build(),
                                                EnvironmentVariable.builder()
                                                        .name("TOKEN")
                                                        .value("/ci/token")
                                                        .type(
                                                                EnvironmentVariableType
                                                                        .PARAMETER_STORE)
                                                        .build(),
                                                EnvironmentVariable.builder()
                                                        .name("EMPTY")
                                                        .value("")
                                                        .build()))
                .logConfig(
                        l ->
                                l.cloudWatchLogs(
                                        c ->
                                                c.status(LogsConfigStatusType.ENABLED)
                                                        .groupName("/aws/codebuild/web-app")))
                .buildTimeoutInMinutes(60)
                .queuedTimeoutInMinutes(480)
                .complete(true)
                .initiator("alice")
                .vpcConfig(
                        v ->
                                v.vpcId("vpc-1")
                                        .subnets("subnet-1", "subnet-2")
                                        .securityGroupIds(List.of()))
                .buildBatchNumber(4_294_967_296L)
                .buildBatchConfig(
                        c ->
                                c.combineArtifacts(true)
                                        .timeoutInMins(30)
                                        .restrictions(
                                                r ->
                                                        r.maximumBuildsAllowed(10)
                                                                .computeTypesAllowed(
                                                                        "BUILD_GENERAL1_SMALL",
                                                                        "BUILD_GENERAL1_LARGE")))
                .buildGroups(
                        BuildGroup.builder()
                                .identifier("DOWNLOAD_SOURCE")
                                .ignoreFailure(false)
                                .currentBuildSummary(
                                        b ->
                                                b.arn("arn:aws:codebuild:us-east-1:1:build/w:1")
                                                        .requestedOn(START)
                                                        .buildStatus(StatusType.SUCCEEDED)
                                                        .primaryArtifact(
                                                                a -> a.type("S3").location("x")))
                                .build(),
                        BuildGroup.builder()
                                .identifier("linux_small")
                                .dependsOn("DOWNLOAD_SOURCE")
                                .priorBuildSummaryList(
                                        b ->
                                                b.arn("arn:aws:codebuild:us-east-1:1:build/w:0")
                                                        .requestedOn(Instant.ofEpochSecond(0))
                                                        .buildStatus(StatusType.FAILED))
                                .build())
                .debugSessionEnabled(false)
                .reportArns(List.of())
                .build();
    }

    @Test
    void richBuildBatchRoundTrips() {
        BuildBatch batch = richBatch();

        String json = AwsJsonCodec.encode(batch);
        Object decoded = decode(BuildBatch.builder(), json);

        assertThat(decoded).isEqualTo(batch);
        assertThat(AwsJsonCodec.encode((SdkPojo) decoded)).isEqualTo(json);
    }

    @Test
    void richBuildBatchIsEncodedWithTheModelsNamesAndTypes() {
        String json = AwsJsonCodec.encode(richBatch());

        assertThat(json)
                .startsWith(
                        "{\"id\":\"web-app:6e5c5c2c-7f0e-4f4a-9d5d-0a1b2c3d4e5f\","
                                + "\"arn\":\"arn:aws:codebuild:us-east-1:123456789012:build-batch/"
                                + "web-app:6e5c5c2c-7f0e-4f4a-9d5d-0a1b2c3d4e5f\","
                                + "\"startTime\":1556905683.568,\"endTime\":1556905783.001,"
                                + "\"currentPhase\":\"SUCCEEDED\","
                                + "\"buildBatchStatus\":\"SUCCEEDED\","
                                + "\"sourceVersion\":\"refs/heads/main\","
                                + "\"projectName\":\"web-app\","
                                + "\"phases\":[{\"phaseType\":\"SUBMITTED\",\"phaseStatus\":"
                                + "\"SUCCEEDED\",\"startTime\":1556905683.568,\"endTime\":"
                                + "1556905683.569,\"durationInSeconds\":0},")
                .contains(
                        "\"contexts\":[{\"statusCode\":\"BUILD_FAILED\",\"message\":\"step"
                                + " \\\"2\\\" failed:\\n\\texit 1\"},{\"statusCode\":\"\"}]")
                .contains("{\"phaseType\":\"SUCCEEDED\"}]")
                .contains(
                        "\"buildspec\":\"version: 0.2\\nphases:\\n  build:\\n    commands:\\n"
                                + "      - echo \\\"C:\\\\path\\\" \u00e9 \u2713\"")
                .contains("\"gitCloneDepth\":1,\"gitSubmodulesConfig\":{\"fetchSubmodules\":true}")
                .contains(
                        "\"environmentVariables\":[{\"name\":\"STAGE\",\"value\":\"prod\","
                                + "\"type\":\"PLAINTEXT\"},{\"name\":\"TOKEN\",\"value\":"
                                + "\"/ci/token\",\"type\":\"PARAMETER_STORE\"},{\"name\":"
                                + "\"EMPTY\",\"value\":\"\"}]")
                .contains(
                        "\"vpcConfig\":{\"vpcId\":\"vpc-1\",\"subnets\":[\"subnet-1\","
                                + "\"subnet-2\"],\"securityGroupIds\":[]}")
                .contains("\"buildBatchNumber\":4294967296")
                .contains("\"requestedOn\":1556905683.568")
                .contains("\"requestedOn\":0.000")
                .contains("\"complete\":true")
                .endsWith("\"debugSessionEnabled\":false,\"reportArns\":[]}");
        // unset members (resolvedSourceVersion, artifacts, cache, ...) are left out, not null
        assertThat(json)
                .doesNotContain("null")
                .doesNotContain("resolvedSourceVersion")
                .doesNotContain("\"artifacts\"")
                .doesNotContain("secondaryArtifacts")
                .doesNotContain("fileSystemLocations")
                .doesNotContain("secondarySourceVersions")
                .doesNotContain("fleetsAllowed");
    }

    @Test
    void timestampsAreEpochSecondsWithMilliseconds() {
        assertThat(encodeStart(Instant.ofEpochMilli(1556905683568L)))
                .isEqualTo("{\"startTime\":1556905683.568}");
        assertThat(encodeStart(Instant.ofEpochSecond(1556905683)))
                .isEqualTo("{\"startTime\":1556905683.000}");
        assertThat(encodeStart(Instant.ofEpochMilli(5))).isEqualTo("{\"startTime\":0.005}");
        assertThat(encodeStart(Instant.ofEpochMilli(-1500))).isEqualTo("{\"startTime\":-1.500}");
    }

    @Test
    void timestampsAreDecodedFromEpochSeconds() {
        assertThat(decodeStart("1556905683.568")).isEqualTo(Instant.ofEpochMilli(1556905683568L));
        assertThat(decodeStart("1556905683")).isEqualTo(Instant.ofEpochSecond(1556905683));
        assertThat(decodeStart("1.556905683568E9")).isEqualTo(Instant.ofEpochMilli(1556905683568L));
        assertThat(decodeStart("-1.5")).isEqualTo(Instant.ofEpochMilli(-1500));
        // sub-millisecond digits are cut to the millisecond, towards the past
        assertThat(decodeStart("1556905683.5689")).isEqualTo(Instant.ofEpochMilli(1556905683568L));
        assertThat(decodeStart("-0.0001")).isEqualTo(Instant.ofEpochMilli(-1));
    }

    @Test
    void timestampsOutOfRangeAreMalformed() {
        assertThatThrownBy(() -> decode(BuildBatch.builder(), "{\"startTime\":1e300}"))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage("Cannot read 'startTime': 1E+300 is not a time");
        assertThatThrownBy(() -> decode(BuildBatch.builder(), "{\"startTime\":\"2019-05-03\"}"))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage("Cannot read 'startTime': expected epoch seconds, got a string");
    }

    @Test
    void unsetMembersAndAutoConstructListsAreOmittedButExplicitEmptyListsAreSent() {
        assertThat(AwsJsonCodec.encode(ListBuildBatchesForProjectResponse.builder().build()))
                .isEqualTo("{}");
        assertThat(
                        AwsJsonCodec.encode(
                                ListBuildBatchesForProjectResponse.builder()
                                        .ids(List.of())
                                        .build()))
                .isEqualTo("{\"ids\":[]}");
        assertThat(
                        AwsJsonCodec.encode(
                                ListBuildBatchesForProjectResponse.builder()
                                        .ids("a:1", "b:2")
                                        .nextToken("t")
                                        .build()))
                .isEqualTo("{\"ids\":[\"a:1\",\"b:2\"],\"nextToken\":\"t\"}");
        assertThat(AwsJsonCodec.encode(BuildBatch.builder().id("x").build()))
                .isEqualTo("{\"id\":\"x\"}");
        assertThat(AwsJsonCodec.encode(BuildBatch.builder().id("x").phases(List.of()).build()))
                .isEqualTo("{\"id\":\"x\",\"phases\":[]}");
    }

    @Test
    void decodingKeepsTheDifferenceBetweenAbsentAndEmptyLists() {
        var absent =
                (ListBuildBatchesForProjectResponse)
                        decode(ListBuildBatchesForProjectResponse.builder(), "{}");
        var empty =
                (ListBuildBatchesForProjectResponse)
                        decode(ListBuildBatchesForProjectResponse.builder(), "{\"ids\":[]}");

        assertThat(absent.hasIds()).isFalse();
        assertThat(empty.hasIds()).isTrue();
        assertThat(empty.ids()).isEmpty();
        assertThat(AwsJsonCodec.encode(empty)).isEqualTo("{\"ids\":[]}");
        assertThat(AwsJsonCodec.encode(absent)).isEqualTo("{}");
    }

    @Test
    void requestRoundTripsAndEqualsWhatTheSdkBuilderBuilds() {
        var request =
                ListBuildBatchesForProjectRequest.builder()
                        .projectName("web-app")
                        .filter(f -> f.status(StatusType.IN_PROGRESS))
                        .maxResults(7)
                        .sortOrder("ASCENDING")
                        .nextToken("abc")
                        .build();

        String json = AwsJsonCodec.encode(request);

        assertThat(json)
                .isEqualTo(
                        "{\"projectName\":\"web-app\",\"filter\":{\"status\":\"IN_PROGRESS\"},"
                                + "\"maxResults\":7,\"sortOrder\":\"ASCENDING\","
                                + "\"nextToken\":\"abc\"}");
        assertThat(decode(ListBuildBatchesForProjectRequest.builder(), json)).isEqualTo(request);
        assertThat(decode(BatchGetBuildsRequest.builder(), "{\"ids\":[\"a\",\"b\"]}"))
                .isEqualTo(BatchGetBuildsRequest.builder().ids("a", "b").build());
    }

    @Test
    void mapsAndDoublesRoundTrip() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("SUCCEEDED", 40);
        counts.put("FAILED", 2);
        counts.put("with \"quote\"", 0);
        Report report =
                Report.builder()
                        .arn("arn:report")
                        .created(START)
                        .truncated(false)
                        .testSummary(
                                TestReportSummary.builder()
                                        .total(42)
                                        .statusCounts(counts)
                                        .durationInNanoSeconds(9_000_000_000L)
                                        .build())
                        .codeCoverageSummary(
                                CodeCoverageReportSummary.builder()
                                        .lineCoveragePercentage(87.5)
                                        .linesCovered(7)
                                        .branchCoveragePercentage(0.1)
                                        .build())
                        .build();

        String json = AwsJsonCodec.encode(report);

        assertThat(json)
                .isEqualTo(
                        "{\"arn\":\"arn:report\",\"created\":1556905683.568,\"truncated\":false,"
                                + "\"testSummary\":{\"total\":42,"
                                + "\"statusCounts\":{\"SUCCEEDED\":40,"
                                + "\"FAILED\":2,\"with \\\"quote\\\"\":0},"
                                + "\"durationInNanoSeconds\":"
                                + "9000000000},\"codeCoverageSummary\":{\"lineCoveragePercentage\":"
                                + "87.5,\"linesCovered\":7,\"branchCoveragePercentage\":0.1}}");
        Report decoded = (Report) decode(Report.builder(), json);
        assertThat(decoded).isEqualTo(report);
        assertThat(decoded.testSummary().statusCounts().keySet())
                .containsExactly("SUCCEEDED", "FAILED", "with \"quote\"");
        assertThat(decode(Report.builder(), "{\"testSummary\":{\"statusCounts\":{}}}"))
                .isEqualTo(Report.builder().testSummary(t -> t.statusCounts(Map.of())).build());
    }

    /**
     * The encoder writes NaN and infinities as the strings AWS JSON uses; the decoder should read
     * those strings back for a double member (the SDK sends them that way too).
     */
    @Test
    void nonFiniteDoublesRoundTrip() {
        var summary =
                CodeCoverageReportSummary.builder()
                        .lineCoveragePercentage(Double.NaN)
                        .branchCoveragePercentage(Double.POSITIVE_INFINITY)
                        .build();

        String json = AwsJsonCodec.encode(summary);

        assertThat(json)
                .isEqualTo(
                        "{\"lineCoveragePercentage\":\"NaN\",\"branchCoveragePercentage\":"
                                + "\"Infinity\"}");
        assertThat(decode(CodeCoverageReportSummary.builder(), json)).isEqualTo(summary);
    }

    @Test
    void stringsWithQuotesBackslashesControlCharactersAndNonAsciiRoundTrip() {
        String nasty =
                "\"quoted\" back\\slash /slash \b\f\n\r\t \u0000\u0001\u001f\u007f"
                        + " é ✓ 😀 \u2028";
        var request =
                ListBuildBatchesForProjectRequest.builder()
                        .projectName(nasty)
                        .nextToken("\\u0041")
                        .build();

        String json = AwsJsonCodec.encode(request);

        assertThat(json)
                .isEqualTo(
                        "{\"projectName\":\"\\\"quoted\\\" back\\\\slash /slash"
                                + " \\u0008\\u000c\\n\\r\\t \\u0000\\u0001\\u001f\u007f é ✓ 😀"
                                + " \u2028\",\"nextToken\":\"\\\\u0041\"}");
        assertThat(decode(ListBuildBatchesForProjectRequest.builder(), json)).isEqualTo(request);
    }

    @Test
    void escapedInputDecodesToTheSameString() {
        assertThat(
                        decode(
                                ListBuildBatchesForProjectRequest.builder(),
                                "{\"projectName\":\"\\u0077eb\\u002Dapp \\ud83d\\ude00\"}"))
                .isEqualTo(
                        ListBuildBatchesForProjectRequest.builder()
                                .projectName("web-app \uD83D\uDE00")
                                .build());
    }

    @Test
    void nestedMemberOfTheWrongTypeIsNamedByItsPath() {
        assertThatThrownBy(
                        () ->
                                decode(
                                        BuildBatch.builder(),
                                        "{\"phases\":[{},{\"contexts\":[{\"message\":7}]}]}"))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage(
                        "Cannot read 'phases[1].contexts[0].message': expected a string, got a"
                                + " number");
        assertThatThrownBy(
                        () ->
                                decode(
                                        Report.builder(),
                                        "{\"testSummary\":{\"statusCounts\":{\"OK\":\"1\"}}}"))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage(
                        "Cannot read 'testSummary.statusCounts.OK': expected an integer, got a"
                                + " string");
        assertThatThrownBy(() -> decode(BuildBatch.builder(), "{\"buildBatchNumber\":1e19}"))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage(
                        "Cannot read 'buildBatchNumber': expected an integer from"
                                + " -9223372036854775808 to 9223372036854775807, got 1E+19");
        assertThatThrownBy(() -> decode(BuildBatch.builder(), "{\"complete\":\"true\"}"))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage("Cannot read 'complete': expected true or false, got a string");
    }

    @Test
    void unknownMembersOfNestedShapesAreIgnored() {
        assertThat(decode(BatchGetBuildsRequest.builder(), "{\"ids\":[\"a\"],\"x\":{\"y\":[]}}"))
                .isEqualTo(BatchGetBuildsRequest.builder().ids("a").build());
    }

    private static String encodeStart(Instant instant) {
        return AwsJsonCodec.encode(BuildBatch.builder().startTime(instant).build());
    }

    private static Instant decodeStart(String number) {
        return ((BuildBatch) decode(BuildBatch.builder(), "{\"startTime\":" + number + "}"))
                .startTime();
    }

    @SuppressWarnings("unchecked")
    private static Object decode(Object builder, String json) {
        return AwsJsonCodec.decode((SdkPojo) builder, (Map<String, Object>) Json.read(json));
    }
}
