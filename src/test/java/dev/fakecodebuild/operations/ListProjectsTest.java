package dev.fakecodebuild.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ListProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.ProjectSortByType;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;

/** What ListProjects returns on one page: order, sort keys, ties, no projects. */
@FakeCodeBuild
class ListProjectsTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void noProjectsIsAnEmptyListWithoutToken(CodeBuildClient codeBuild) {
        var response = codeBuild.listProjects();

        assertThat(response.hasProjects()).isTrue();
        assertThat(response.projects()).isEmpty();
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void theNoArgumentCallSendsAnEmptyRequest(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.addProject("web-app");

        var projects = codeBuild.listProjects().projects();

        assertThat(projects).containsExactly("web-app");
        assertThat(state.requests(ListProjectsRequest.class))
                .containsExactly(ListProjectsRequest.builder().build());
    }

    @Nested
    class Order {

        /** Created in this order, modified in another; neither matches the names' order. */
        @BeforeEach
        void seed(FakeCodeBuildState state) {
            state.addProject(p -> p.name("beta_1").created(at(1)).lastModified(at(40)));
            state.addProject(p -> p.name("Zeta").created(at(2)).lastModified(at(10)));
            state.addProject(p -> p.name("alpha").created(at(3)).lastModified(at(30)));
            state.addProject(p -> p.name("9lives").created(at(4)).lastModified(at(50)));
            state.addProject(p -> p.name("beta-2").created(at(5)).lastModified(at(20)));
            state.addProject(p -> p.name("Beta").created(at(6)).lastModified(at(60)));
        }

        private List<String> list(
                CodeBuildClient codeBuild, ProjectSortByType sortBy, SortOrderType sortOrder) {
            var response = codeBuild.listProjects(r -> r.sortBy(sortBy).sortOrder(sortOrder));
            assertThat(response.nextToken()).isNull();
            return response.projects();
        }

        @Test
        void defaultIsByNameAscendingInCharacterCodeOrder(CodeBuildClient codeBuild) {
            assertThat(codeBuild.listProjects().projects())
                    .containsExactly("9lives", "Beta", "Zeta", "alpha", "beta-2", "beta_1")
                    .isEqualTo(list(codeBuild, ProjectSortByType.NAME, SortOrderType.ASCENDING));
        }

        @Test
        void byNameDescending(CodeBuildClient codeBuild) {
            assertThat(list(codeBuild, ProjectSortByType.NAME, SortOrderType.DESCENDING))
                    .containsExactly("beta_1", "beta-2", "alpha", "Zeta", "Beta", "9lives");
        }

        @Test
        void sortOrderAloneSortsByName(CodeBuildClient codeBuild) {
            assertThat(
                            codeBuild
                                    .listProjects(r -> r.sortOrder(SortOrderType.DESCENDING))
                                    .projects())
                    .containsExactly("beta_1", "beta-2", "alpha", "Zeta", "Beta", "9lives");
        }

        @Test
        void byCreationTime(CodeBuildClient codeBuild) {
            assertThat(list(codeBuild, ProjectSortByType.CREATED_TIME, SortOrderType.ASCENDING))
                    .containsExactly("beta_1", "Zeta", "alpha", "9lives", "beta-2", "Beta");
            assertThat(list(codeBuild, ProjectSortByType.CREATED_TIME, SortOrderType.DESCENDING))
                    .containsExactly("Beta", "beta-2", "9lives", "alpha", "Zeta", "beta_1");
        }

        @Test
        void sortByAloneIsAscending(CodeBuildClient codeBuild) {
            assertThat(
                            codeBuild
                                    .listProjects(r -> r.sortBy(ProjectSortByType.CREATED_TIME))
                                    .projects())
                    .containsExactly("beta_1", "Zeta", "alpha", "9lives", "beta-2", "Beta");
        }

        @Test
        void byLastModifiedTime(CodeBuildClient codeBuild) {
            assertThat(
                            list(
                                    codeBuild,
                                    ProjectSortByType.LAST_MODIFIED_TIME,
                                    SortOrderType.ASCENDING))
                    .containsExactly("Zeta", "beta-2", "alpha", "beta_1", "9lives", "Beta");
            assertThat(
                            list(
                                    codeBuild,
                                    ProjectSortByType.LAST_MODIFIED_TIME,
                                    SortOrderType.DESCENDING))
                    .containsExactly("Beta", "9lives", "beta_1", "alpha", "beta-2", "Zeta");
        }

        @Test
        void anUpdateMovesAProjectToTheEndOfLastModified(CodeBuildClient codeBuild) {
            codeBuild.updateProject(r -> r.name("Zeta").description("touched"));

            assertThat(
                            list(
                                    codeBuild,
                                    ProjectSortByType.LAST_MODIFIED_TIME,
                                    SortOrderType.ASCENDING))
                    .containsExactly("beta-2", "alpha", "beta_1", "9lives", "Beta", "Zeta");
            assertThat(list(codeBuild, ProjectSortByType.CREATED_TIME, SortOrderType.ASCENDING))
                    .containsExactly("beta_1", "Zeta", "alpha", "9lives", "beta-2", "Beta");
        }

        @Test
        void aDeletedProjectIsNotListed(CodeBuildClient codeBuild) {
            codeBuild.deleteProject(r -> r.name("alpha"));

            assertThat(codeBuild.listProjects().projects())
                    .containsExactly("9lives", "Beta", "Zeta", "beta-2", "beta_1");
        }
    }

    @Nested
    class Ties {

        @BeforeEach
        void seedEqualTimes(FakeCodeBuildState state) {
            for (String name : new String[] {"m", "c", "x", "a"}) {
                state.addProject(p -> p.name(name + "-app").created(T0).lastModified(T0));
            }
            state.addProject(p -> p.name("z-app").created(at(-1)).lastModified(at(1)));
        }

        @Test
        void equalTimesFollowTheNames(CodeBuildClient codeBuild) {
            var byCreation = codeBuild.listProjects(r -> r.sortBy(ProjectSortByType.CREATED_TIME));
            var byModification =
                    codeBuild.listProjects(r -> r.sortBy(ProjectSortByType.LAST_MODIFIED_TIME));

            assertThat(byCreation.projects())
                    .containsExactly("z-app", "a-app", "c-app", "m-app", "x-app");
            assertThat(byModification.projects())
                    .containsExactly("a-app", "c-app", "m-app", "x-app", "z-app");
        }

        @Test
        void descendingReversesTiesToo(CodeBuildClient codeBuild) {
            var response =
                    codeBuild.listProjects(
                            r ->
                                    r.sortBy(ProjectSortByType.CREATED_TIME)
                                            .sortOrder(SortOrderType.DESCENDING));

            assertThat(response.projects())
                    .containsExactly("x-app", "m-app", "c-app", "a-app", "z-app");
        }
    }
}
