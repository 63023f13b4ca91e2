package dev.fakecodebuild.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BatchGetProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.Project;

/** How BatchGetProjects finds projects by name and by ARN. */
@FakeCodeBuild
class BatchGetProjectsTest {

    private static final String ARN_PREFIX = "arn:aws:codebuild:us-east-1:123456789012:project/";

    private Project webApp;
    private Project api;
    private Project worker;

    @BeforeEach
    void seed(FakeCodeBuildState state) {
        webApp = state.addProject(p -> p.name("web-app").description("The web application"));
        api = state.addProject("api");
        worker = state.addProject("worker");
    }

    @Test
    void findsProjectsByNameInTheOrderTheyWereNamed(CodeBuildClient codeBuild) {
        var response = codeBuild.batchGetProjects(r -> r.names("worker", "web-app"));

        assertThat(response.projects()).containsExactly(worker, webApp);
        assertThat(response.hasProjectsNotFound()).isTrue();
        assertThat(response.projectsNotFound()).isEmpty();
    }

    @Test
    void findsProjectsByArn(CodeBuildClient codeBuild) {
        var response = codeBuild.batchGetProjects(r -> r.names(ARN_PREFIX + "api", "web-app"));

        assertThat(response.projects()).containsExactly(api, webApp);
        assertThat(response.projectsNotFound()).isEmpty();
    }

    @Test
    void returnsWhatCreateProjectStored(CodeBuildClient codeBuild) {
        Project created = codeBuild.createProject(CreateProjectTest.everything("full")).project();

        var response = codeBuild.batchGetProjects(r -> r.names("full"));

        assertThat(response.projects()).containsExactly(created);
    }

    @Test
    void listsUnknownNamesExactlyAsSent(CodeBuildClient codeBuild) {
        var response =
                codeBuild.batchGetProjects(
                        r -> r.names("ghost", "api", ARN_PREFIX + "ghost", "Web-App", "web-app "));

        assertThat(response.projects()).containsExactly(api);
        assertThat(response.projectsNotFound())
                .containsExactly("ghost", ARN_PREFIX + "ghost", "Web-App", "web-app ");
    }

    @Test
    void nothingFoundGivesAnEmptyProjectList(CodeBuildClient codeBuild) {
        var response = codeBuild.batchGetProjects(r -> r.names("ghost"));

        assertThat(response.hasProjects()).isTrue();
        assertThat(response.projects()).isEmpty();
        assertThat(response.projectsNotFound()).containsExactly("ghost");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "arn:aws:codebuild:us-east-1:210987654321:project/api",
                "arn:aws:codebuild:eu-west-1:123456789012:project/api",
                "arn:aws-cn:codebuild:us-east-1:123456789012:project/api",
                "arn:aws:codebuild:us-east-1:123456789012:build/api",
                "arn:aws:codebuild:us-east-1:123456789012:report-group/api",
                "arn:aws:codepipeline:us-east-1:123456789012:project/api",
                "arn:aws:codebuild:us-east-1:123456789012:project/",
                "arn:aws:codebuild:us-east-1:123456789012:project/api/",
                "arn:aws:codebuild:us-east-1:123456789012:project/API",
                "arn:aws:codebuild:us-east-1:123456789012:api",
                "arn:api"
            })
    void anArnOfAnotherAccountRegionPartitionOrKindMatchesNothing(
            String arn, CodeBuildClient codeBuild) {
        var response = codeBuild.batchGetProjects(r -> r.names(arn));

        assertThat(response.projects()).isEmpty();
        assertThat(response.projectsNotFound()).containsExactly(arn);
    }

    @Nested
    class Duplicates {

        @Test
        void aProjectNamedTwiceIsReturnedOnceWhereItWasFirstNamed(CodeBuildClient codeBuild) {
            var response =
                    codeBuild.batchGetProjects(r -> r.names("api", "worker", "api", "worker"));

            assertThat(response.projects()).containsExactly(api, worker);
        }

        @Test
        void aProjectNamedByNameAndByArnIsReturnedOnce(CodeBuildClient codeBuild) {
            var response =
                    codeBuild.batchGetProjects(
                            r ->
                                    r.names(
                                            ARN_PREFIX + "worker",
                                            "api",
                                            "worker",
                                            ARN_PREFIX + "worker"));

            assertThat(response.projects()).containsExactly(worker, api);
            assertThat(response.projectsNotFound()).isEmpty();
        }

        @Test
        void anUnknownNameSentTwiceIsListedOnce(CodeBuildClient codeBuild) {
            var response =
                    codeBuild.batchGetProjects(
                            r -> r.names("ghost", "api", "ghost", ARN_PREFIX + "ghost"));

            assertThat(response.projects()).containsExactly(api);
            assertThat(response.projectsNotFound()).containsExactly("ghost", ARN_PREFIX + "ghost");
        }
    }

    @Nested
    class Changes {

        @Test
        void aDeletedProjectIsNotFound(CodeBuildClient codeBuild) {
            codeBuild.deleteProject(r -> r.name("api"));

            var response = codeBuild.batchGetProjects(r -> r.names("api", ARN_PREFIX + "api"));

            assertThat(response.projects()).isEmpty();
            assertThat(response.projectsNotFound()).containsExactly("api", ARN_PREFIX + "api");
        }

        @Test
        void anUpdatedProjectIsReturnedAsUpdated(CodeBuildClient codeBuild) {
            Project updated =
                    codeBuild.updateProject(r -> r.name("api").description("Public API")).project();

            var response = codeBuild.batchGetProjects(r -> r.names("api"));

            assertThat(response.projects()).containsExactly(updated);
            assertThat(updated.description()).isEqualTo("Public API");
        }
    }

    @Test
    void recordsTheRequest(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        var request = BatchGetProjectsRequest.builder().names("api", "ghost").build();

        codeBuild.batchGetProjects(request);

        assertThat(state.requests(BatchGetProjectsRequest.class)).containsExactly(request);
    }

    @Nested
    @FakeCodeBuild(region = "cn-north-1", accountId = "111122223333")
    class OtherPartition {

        @Test
        void arnsOfTheFakesPartitionRegionAndAccountMatch(CodeBuildClient codeBuild) {
            // The enclosing class seeded its projects into this fake too.
            String arn = "arn:aws-cn:codebuild:cn-north-1:111122223333:project/api";
            String usArn = "arn:aws:codebuild:cn-north-1:111122223333:project/api";

            var response = codeBuild.batchGetProjects(r -> r.names(arn, usArn));

            assertThat(api.arn()).isEqualTo(arn);
            assertThat(response.projects()).containsExactly(api);
            assertThat(response.projectsNotFound()).containsExactly(usArn);
        }
    }
}
