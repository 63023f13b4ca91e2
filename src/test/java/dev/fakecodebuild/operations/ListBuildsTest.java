package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static dev.fakecodebuild.operations.ServiceErrors.resourceNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ListBuildsForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildsForProjectResponse;
import software.amazon.awssdk.services.codebuild.model.ListBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildsResponse;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** ListBuilds and ListBuildsForProject: order, 100 ids a page, tokens, paginators. */
@FakeCodeBuild
class ListBuildsTest {

    private static final String LIST_BUILDS_TOKEN =
            "Invalid nextToken: pass a token unchanged from an earlier ListBuilds response";
    private static final String FOR_PROJECT_TOKEN =
            "Invalid nextToken: pass a token unchanged from an earlier ListBuildsForProject"
                    + " response";

    @BeforeEach
    void addProjects(FakeCodeBuildState state) {
        state.addProject("web-app");
        state.addProject("api");
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    private static List<String> inOrder(List<String> oldestFirst, SortOrderType order) {
        return order == SortOrderType.ASCENDING ? oldestFirst : reversed(oldestFirst);
    }

    @Nested
    class Order {

        @Test
        void forProjectFollowsBuildNumbersNewestFirst(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            String five = state.addBuild(b -> b.projectName("web-app").buildNumber(5L)).id();
            String two = state.addBuild(b -> b.projectName("web-app").buildNumber(2L)).id();
            String nine = state.addBuild(b -> b.projectName("web-app").buildNumber(9L)).id();
            state.addBuild("api", StatusType.SUCCEEDED);

            var descending = codeBuild.listBuildsForProject(r -> r.projectName("web-app"));
            var ascending =
                    codeBuild.listBuildsForProject(
                            r -> r.projectName("web-app").sortOrder(SortOrderType.ASCENDING));

            assertThat(descending.ids()).containsExactly(nine, five, two);
            assertThat(descending.nextToken()).isNull();
            assertThat(ascending.ids()).containsExactly(two, five, nine);
        }

        @Test
        void listBuildsFollowsCreationAcrossProjectsNewestFirst(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            String first = state.addBuild(b -> b.projectName("web-app").buildNumber(50L)).id();
            String second = state.addBuild("api", StatusType.FAILED).id();
            String third = codeBuild.startBuild(r -> r.projectName("web-app")).build().id();
            String fourth = state.addBuild(b -> b.projectName("web-app").buildNumber(3L)).id();

            var descending = codeBuild.listBuilds();
            var ascending = codeBuild.listBuilds(r -> r.sortOrder(SortOrderType.ASCENDING));
            var explicit = codeBuild.listBuilds(r -> r.sortOrder(SortOrderType.DESCENDING));

            assertThat(descending.ids()).containsExactly(fourth, third, second, first);
            assertThat(descending.nextToken()).isNull();
            assertThat(ascending.ids()).containsExactly(first, second, third, fourth);
            assertThat(explicit.ids()).isEqualTo(descending.ids());
            assertThat(codeBuild.listBuildsForProject(r -> r.projectName("web-app")).ids())
                    .containsExactly(third, first, fourth);
        }

        @Test
        void emptyListingsHaveNoIdsAndNoToken(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var all = codeBuild.listBuilds();
            var forProject = codeBuild.listBuildsForProject(r -> r.projectName("web-app"));

            assertThat(all.ids()).isEmpty();
            assertThat(all.nextToken()).isNull();
            assertThat(forProject.ids()).isEmpty();
            assertThat(forProject.nextToken()).isNull();
            assertThat(state.calls())
                    .extracting(call -> call.statusCode())
                    .containsExactly(200, 200);
        }

        @Test
        void unknownProjectIsNotFound(CodeBuildClient codeBuild) {
            resourceNotFound(
                    () -> codeBuild.listBuildsForProject(r -> r.projectName("ghost")),
                    "Project cannot be found:"
                            + " arn:aws:codebuild:us-east-1:123456789012:project/ghost");
        }
    }

    @Nested
    class TwoHundredFiftyBuilds {

        private final List<String> webAppOldestFirst = new ArrayList<>();
        private final List<String> allOldestFirst = new ArrayList<>();

        @BeforeEach
        void seed(FakeCodeBuildState state) {
            for (int i = 0; i < 250; i++) {
                String id = state.addBuild("web-app", StatusType.SUCCEEDED).id();
                webAppOldestFirst.add(id);
                allOldestFirst.add(id);
                if (i % 10 == 0) {
                    allOldestFirst.add(state.addBuild("api", StatusType.FAILED).id());
                }
            }
        }

        @ParameterizedTest(name = "sortOrder {0}")
        @EnumSource(names = {"ASCENDING", "DESCENDING"})
        void forProjectPaginatorWalksEveryPageInOrder(
                SortOrderType order, CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var paginator =
                    codeBuild.listBuildsForProjectPaginator(
                            r -> r.projectName("web-app").sortOrder(order));

            List<Integer> sizes = paginator.stream().map(page -> page.ids().size()).toList();
            List<String> ids = paginator.ids().stream().toList();

            assertThat(sizes).containsExactly(100, 100, 50);
            assertThat(ids).containsExactlyElementsOf(inOrder(webAppOldestFirst, order));
            // The paginator repeats sortOrder with every token: accepted, unlike on AWS.
            assertThat(state.requests(ListBuildsForProjectRequest.class))
                    .hasSize(6)
                    .allSatisfy(r -> assertThat(r.sortOrder()).isEqualTo(order));
        }

        @Test
        void forProjectPaginatorWithoutSortOrderIsNewestFirst(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> ids =
                    codeBuild
                            .listBuildsForProjectPaginator(r -> r.projectName("web-app"))
                            .ids()
                            .stream()
                            .toList();

            assertThat(ids).containsExactlyElementsOf(reversed(webAppOldestFirst));
            var requests = state.requests(ListBuildsForProjectRequest.class);
            assertThat(requests).hasSize(3);
            assertThat(requests.get(0).nextToken()).isNull();
            assertThat(requests.subList(1, 3))
                    .allSatisfy(r -> assertThat(r.nextToken()).isNotEmpty());
        }

        @ParameterizedTest(name = "sortOrder {0}")
        @EnumSource(names = {"ASCENDING", "DESCENDING"})
        void listBuildsPaginatorWalksEveryProjectInOrder(
                SortOrderType order, CodeBuildClient codeBuild) {
            var paginator = codeBuild.listBuildsPaginator(r -> r.sortOrder(order));

            List<Integer> sizes = paginator.stream().map(page -> page.ids().size()).toList();
            List<String> ids = paginator.ids().stream().toList();

            assertThat(allOldestFirst).hasSize(275);
            assertThat(sizes).containsExactly(100, 100, 75);
            assertThat(ids).containsExactlyElementsOf(inOrder(allOldestFirst, order));
        }

        @Test
        void listBuildsPaginatorWithoutRequest(CodeBuildClient codeBuild) {
            List<String> ids = codeBuild.listBuildsPaginator().ids().stream().toList();

            assertThat(ids).containsExactlyElementsOf(reversed(allOldestFirst));
        }

        @Test
        void pagingByHandEndsWithoutAToken(CodeBuildClient codeBuild) {
            ListBuildsForProjectResponse first =
                    codeBuild.listBuildsForProject(r -> r.projectName("web-app"));
            ListBuildsForProjectResponse second =
                    codeBuild.listBuildsForProject(
                            r -> r.projectName("web-app").nextToken(first.nextToken()));
            ListBuildsForProjectResponse third =
                    codeBuild.listBuildsForProject(
                            r -> r.projectName("web-app").nextToken(second.nextToken()));

            assertThat(first.nextToken()).isNotEmpty();
            assertThat(second.nextToken()).isNotEmpty().isNotEqualTo(first.nextToken());
            assertThat(third.nextToken()).isNull();
            List<String> walked = new ArrayList<>(first.ids());
            walked.addAll(second.ids());
            walked.addAll(third.ids());
            assertThat(walked).containsExactlyElementsOf(reversed(webAppOldestFirst));
        }
    }

    @Nested
    class Tokens {

        private final List<String> oldestFirst = new ArrayList<>();

        @BeforeEach
        void seed(FakeCodeBuildState state) {
            for (int i = 0; i < 150; i++) {
                oldestFirst.add(state.addBuild("web-app", StatusType.SUCCEEDED).id());
            }
        }

        private ListBuildsForProjectResponse forProject(
                CodeBuildClient codeBuild, SortOrderType order, String token) {
            return codeBuild.listBuildsForProject(
                    r -> r.projectName("web-app").sortOrder(order).nextToken(token));
        }

        @Test
        void replayingATokenGivesTheSamePage(CodeBuildClient codeBuild) {
            String token = forProject(codeBuild, null, null).nextToken();

            var once = forProject(codeBuild, null, token);
            var again = forProject(codeBuild, null, token);

            assertThat(once.ids()).containsExactlyElementsOf(reversed(oldestFirst.subList(0, 50)));
            assertThat(again.ids()).isEqualTo(once.ids());
            assertThat(again.nextToken()).isNull();
        }

        @Test
        void replayingAListBuildsTokenGivesTheSamePage(CodeBuildClient codeBuild) {
            String token = codeBuild.listBuilds().nextToken();

            var once = codeBuild.listBuilds(r -> r.nextToken(token));
            var again = codeBuild.listBuilds(r -> r.nextToken(token));

            assertThat(once.ids()).hasSize(50).isEqualTo(again.ids());
        }

        @Test
        void aBuildAddedBetweenPagesNeitherRepeatsNorHidesOne(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            ListBuildsForProjectResponse first = forProject(codeBuild, null, null);
            ListBuildsResponse firstOfAll = codeBuild.listBuilds();
            String added = codeBuild.startBuild(r -> r.projectName("web-app")).build().id();

            var second = forProject(codeBuild, null, first.nextToken());
            var secondOfAll = codeBuild.listBuilds(r -> r.nextToken(firstOfAll.nextToken()));

            List<String> walked = new ArrayList<>(first.ids());
            walked.addAll(second.ids());
            assertThat(walked).containsExactlyElementsOf(reversed(oldestFirst));
            List<String> walkedAll = new ArrayList<>(firstOfAll.ids());
            walkedAll.addAll(secondOfAll.ids());
            assertThat(walkedAll).containsExactlyElementsOf(reversed(oldestFirst));
            assertThat(forProject(codeBuild, null, null).ids().get(0)).isEqualTo(added);
            assertThat(state.build(added).orElseThrow().buildNumber()).isEqualTo(151L);
        }

        @Test
        void aBuildAddedBetweenAscendingPagesComesLast(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var first = forProject(codeBuild, SortOrderType.ASCENDING, null);
            String added = state.addBuild("web-app", StatusType.IN_PROGRESS).id();
            var second = forProject(codeBuild, SortOrderType.ASCENDING, first.nextToken());

            assertThat(first.ids()).containsExactlyElementsOf(oldestFirst.subList(0, 100));
            List<String> expected = new ArrayList<>(oldestFirst.subList(100, 150));
            expected.add(added);
            assertThat(second.ids()).containsExactlyElementsOf(expected);
            assertThat(second.nextToken()).isNull();
        }

        @Test
        void aDifferentSortOrderWithATokenIsRefused(CodeBuildClient codeBuild) {
            String token = forProject(codeBuild, SortOrderType.ASCENDING, null).nextToken();

            invalidInput(
                    () -> forProject(codeBuild, SortOrderType.DESCENDING, token),
                    "Invalid nextToken: it was issued for sortOrder ASCENDING; repeat that"
                            + " sortOrder with the token, or leave sortOrder out");
            assertThat(forProject(codeBuild, null, token).ids())
                    .containsExactlyElementsOf(oldestFirst.subList(100, 150));
        }

        @Test
        void aTokenOfAnotherProjectIsRefused(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            String token = forProject(codeBuild, null, null).nextToken();

            invalidInput(
                    () ->
                            codeBuild.listBuildsForProject(
                                    r -> r.projectName("api").nextToken(token)),
                    "Invalid nextToken: it was issued for project 'web-app', not for project"
                            + " 'api'");
        }

        @Test
        void tokensDoNotCrossOperations(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            String projectToken = forProject(codeBuild, null, null).nextToken();
            String allToken = codeBuild.listBuilds().nextToken();
            for (int i = 0; i < 101; i++) {
                state.addBuildBatch("web-app", StatusType.SUCCEEDED);
            }
            String batchToken =
                    codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app")).nextToken();

            invalidInput(
                    () -> codeBuild.listBuilds(r -> r.nextToken(projectToken)), LIST_BUILDS_TOKEN);
            invalidInput(
                    () -> codeBuild.listBuilds(r -> r.nextToken(batchToken)), LIST_BUILDS_TOKEN);
            invalidInput(() -> forProject(codeBuild, null, allToken), FOR_PROJECT_TOKEN);
            invalidInput(() -> forProject(codeBuild, null, batchToken), FOR_PROJECT_TOKEN);
        }

        @Test
        void aTokenThatCannotBeDecodedIsRefused(CodeBuildClient codeBuild) {
            invalidInput(
                    () -> codeBuild.listBuilds(r -> r.nextToken("garbage")), LIST_BUILDS_TOKEN);
            invalidInput(
                    () -> forProject(codeBuild, null, "4AEA6u7J...MzY2OA=="), FOR_PROJECT_TOKEN);
        }

        @Test
        void theRequestsAreRecordedAsSent(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var request = ListBuildsRequest.builder().sortOrder(SortOrderType.ASCENDING).build();

            codeBuild.listBuilds(request);

            assertThat(state.requests(ListBuildsRequest.class)).containsExactly(request);
        }
    }
}
