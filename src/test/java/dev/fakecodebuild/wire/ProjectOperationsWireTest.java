package dev.fakecodebuild.wire;

import static dev.fakecodebuild.wire.Wire.assertAnswer;
import static dev.fakecodebuild.wire.Wire.assertError;
import static dev.fakecodebuild.wire.Wire.assertRecorded;
import static dev.fakecodebuild.wire.Wire.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.Tag;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectRequest;

/** The exact JSON the project operations answer with, and raw requests the SDK would not send. */
@FakeCodeBuild
class ProjectOperationsWireTest {

    private static final String TARGET = "CodeBuild_20161006.";
    private static final String CREATE = TARGET + "CreateProject";
    private static final String BATCH_GET = TARGET + "BatchGetProjects";
    private static final String LIST = TARGET + "ListProjects";
    private static final String UPDATE = TARGET + "UpdateProject";
    private static final String DELETE = TARGET + "DeleteProject";

    private static final String MINIMAL =
            "{\"name\":\"web-app\",\"source\":{\"type\":\"NO_SOURCE\",\"buildspec\":\"b.yml\"},"
                    + "\"artifacts\":{\"type\":\"NO_ARTIFACTS\"},\"environment\":{\"type\":"
                    + "\"LINUX_CONTAINER\",\"image\":\"img\",\"computeType\":"
                    + "\"BUILD_GENERAL1_SMALL\"},\"serviceRole\":\"role\"}";

    private static final Instant CREATED = Instant.parse("2024-05-01T10:00:00.125Z");

    @Test
    void createProjectAnswersWithTheWholeProject(FakeCodeBuildState state) {
        var response = post(state.endpoint(), CREATE, MINIMAL);

        Project stored = state.project("web-app").orElseThrow();
        String created = seconds(stored.created());
        assertAnswer(
                response,
                200,
                "{\"project\":{\"name\":\"web-app\","
                        + "\"arn\":\"arn:aws:codebuild:us-east-1:123456789012:project/web-app\","
                        + "\"source\":{\"type\":\"NO_SOURCE\",\"buildspec\":\"b.yml\"},"
                        + "\"artifacts\":{\"type\":\"NO_ARTIFACTS\"},"
                        + "\"cache\":{\"type\":\"NO_CACHE\"},"
                        + "\"environment\":{\"type\":\"LINUX_CONTAINER\",\"image\":\"img\","
                        + "\"computeType\":\"BUILD_GENERAL1_SMALL\"},"
                        + "\"serviceRole\":\"role\",\"timeoutInMinutes\":60,"
                        + "\"queuedTimeoutInMinutes\":480,"
                        + "\"encryptionKey\":\"arn:aws:kms:us-east-1:123456789012:alias/aws/s3\","
                        + "\"created\":"
                        + created
                        + ",\"lastModified\":"
                        + created
                        + ",\"badge\":{\"badgeEnabled\":false},"
                        + "\"logsConfig\":{\"cloudWatchLogs\":{\"status\":\"ENABLED\"},"
                        + "\"s3Logs\":{\"status\":\"DISABLED\"}},"
                        + "\"projectVisibility\":\"PRIVATE\"}}");
        assertRecorded(single(state), "CreateProject", CREATE, MINIMAL, 200, null);
    }

    @Test
    void createProjectRefusesAnExistingName(FakeCodeBuildState state) {
        state.addProject("web-app");

        var response = post(state.endpoint(), CREATE, MINIMAL);

        assertError(
                response,
                400,
                "ResourceAlreadyExistsException",
                "Project already exists: arn:aws:codebuild:us-east-1:123456789012:project/web-app");
        assertRecorded(
                single(state),
                "CreateProject",
                CREATE,
                MINIMAL,
                400,
                "ResourceAlreadyExistsException");
    }

    @Test
    void batchGetProjectsAnswersWithBothListsAlways(FakeCodeBuildState state) {
        state.addProject(p -> p.name("api").created(CREATED));
        String project =
                "{\"name\":\"api\","
                        + "\"arn\":\"arn:aws:codebuild:us-east-1:123456789012:project/api\","
                        + "\"created\":1714557600.125,\"lastModified\":1714557600.125}";

        var allFound = post(state.endpoint(), BATCH_GET, "{\"names\":[\"api\"]}");
        var noneFound = post(state.endpoint(), BATCH_GET, "{\"names\":[\"ghost\",\"ghost\"]}");

        assertAnswer(allFound, 200, "{\"projects\":[" + project + "],\"projectsNotFound\":[]}");
        assertAnswer(noneFound, 200, "{\"projects\":[],\"projectsNotFound\":[\"ghost\"]}");
    }

    @Test
    void listProjectsWithoutProjectsIsAnEmptyList(FakeCodeBuildState state) {
        var response = post(state.endpoint(), LIST, "{}");

        assertAnswer(response, 200, "{\"projects\":[]}");
    }

    @Test
    void listProjectsAnswersWithNamesOnly(FakeCodeBuildState state) {
        state.addProject("web-app");
        state.addProject("api");

        var response = post(state.endpoint(), LIST, "");

        assertAnswer(response, 200, "{\"projects\":[\"api\",\"web-app\"]}");
    }

    @Test
    void deleteProjectAnswersWithAnEmptyObject(FakeCodeBuildState state) {
        state.addProject("web-app");
        String body = "{\"name\":\"web-app\"}";

        var deleted = post(state.endpoint(), DELETE, body);
        var again = post(state.endpoint(), DELETE, body);

        assertAnswer(deleted, 200, "{}");
        assertAnswer(again, 200, "{}");
        assertThat(state.projects()).isEmpty();
    }

    @Test
    void updateProjectReadsNullMembersAsLeftOut(FakeCodeBuildState state) {
        Tag tag = Tag.builder().key("team").value("web").build();
        Project seeded =
                state.addProject(
                        p -> p.name("web-app").description("kept").tags(tag).created(CREATED));
        String body = "{\"name\":\"web-app\",\"description\":null,\"tags\":null}";

        var response = post(state.endpoint(), UPDATE, body);

        Project updated = state.project("web-app").orElseThrow();
        assertThat(updated)
                .isEqualTo(seeded.toBuilder().lastModified(updated.lastModified()).build());
        assertAnswer(
                response,
                200,
                "{\"project\":{\"name\":\"web-app\","
                        + "\"arn\":\"arn:aws:codebuild:us-east-1:123456789012:project/web-app\","
                        + "\"description\":\"kept\",\"tags\":[{\"key\":\"team\",\"value\":\"web\"}],"
                        + "\"created\":1714557600.125,\"lastModified\":"
                        + seconds(updated.lastModified())
                        + "}}");
        assertThat(single(state).request())
                .contains(UpdateProjectRequest.builder().name("web-app").build());
    }

    @Test
    void updateProjectWithAnEmptyTagListRemovesTheTags(FakeCodeBuildState state) {
        Tag tag = Tag.builder().key("team").value("web").build();
        state.addProject(p -> p.name("web-app").tags(tag));

        var response = post(state.endpoint(), UPDATE, "{\"name\":\"web-app\",\"tags\":[]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"tags\":[]");
        assertThat(state.project("web-app").orElseThrow().tags()).isEmpty();
    }

    @Test
    void updateProjectOfAnUnknownProjectIsNotFound(FakeCodeBuildState state) {
        var response = post(state.endpoint(), UPDATE, "{\"name\":\"ghost\"}");

        assertError(
                response,
                400,
                "ResourceNotFoundException",
                "Project cannot be found: arn:aws:codebuild:us-east-1:123456789012:project/ghost");
    }

    /** A time as the wire carries it: epoch seconds with three decimals. */
    private static String seconds(Instant time) {
        long millis = time.toEpochMilli();
        return String.format("%d.%03d", millis / 1000, millis % 1000);
    }

    private static RecordedCall single(FakeCodeBuildState state) {
        assertThat(state.calls()).hasSize(1);
        return state.calls().get(0);
    }
}
