package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesResponse;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** ListBuildBatches: the batches of every project, in creation order, a page at a time. */
@FakeCodeBuild
class ListBuildBatchesTest {

    private static final List<String> PROJECTS = List.of("web-app", "api", "worker");

    @BeforeEach
    void addProjects(FakeCodeBuildState state) {
        PROJECTS.forEach(state::addProject);
    }

    /** Seed batches round robin over the projects; returns their ids, oldest first. */
    private static List<String> seed(FakeCodeBuildState state, int count, StatusType status) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(state.addBuildBatch(PROJECTS.get(i % PROJECTS.size()), status).id());
        }
        return ids;
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    @Nested
    class Contents {

        @Test
        void listsEveryProjectNewestFirst(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> oldestFirst = seed(state, 5, StatusType.SUCCEEDED);

            ListBuildBatchesResponse response = codeBuild.listBuildBatches(r -> {});

            assertThat(response.ids()).containsExactlyElementsOf(reversed(oldestFirst));
            assertThat(response.nextToken()).isNull();
            assertThat(state.requests(ListBuildBatchesRequest.class))
                    .containsExactly(ListBuildBatchesRequest.builder().build());
        }

        @Test
        void ascendingIsCreationOrderAcrossProjectsNotIdOrder(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            String first = state.addBuildBatch(b -> b.projectName("worker")).id();
            String second =
                    state.addBuildBatch(
                                    b ->
                                            b.projectName("web-app")
                                                    .id(
                                                            "web-app:ffffffff-ffff-4fff-bfff-ffffffffffff"))
                            .id();
            String third =
                    state.addBuildBatch(
                                    b ->
                                            b.projectName("api")
                                                    .id("api:00000000-0000-4000-8000-000000000000"))
                            .id();

            var ascending = codeBuild.listBuildBatches(r -> r.sortOrder(SortOrderType.ASCENDING));
            var descending = codeBuild.listBuildBatches(r -> r.sortOrder(SortOrderType.DESCENDING));

            assertThat(ascending.ids()).containsExactly(first, second, third);
            assertThat(descending.ids()).containsExactly(third, second, first);
        }

        @Test
        void noBatchesGiveAnEmptyList(CodeBuildClient codeBuild) {
            ListBuildBatchesResponse response = codeBuild.listBuildBatches(r -> {});

            assertThat(response.ids()).isEmpty();
            assertThat(response.nextToken()).isNull();
        }

        @Test
        void filterKeepsOneStatusAcrossProjects(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                String project = PROJECTS.get(i % 3);
                if (i % 2 == 0) {
                    failed.add(state.addBuildBatch(project, StatusType.FAILED).id());
                } else {
                    state.addBuildBatch(project, StatusType.SUCCEEDED);
                }
            }
            state.addBuildBatch("api", StatusType.FAULT);

            var response =
                    codeBuild.listBuildBatches(
                            r ->
                                    r.filter(f -> f.status(StatusType.FAILED))
                                            .sortOrder(SortOrderType.ASCENDING));
            var none = codeBuild.listBuildBatches(r -> r.filter(f -> f.status(StatusType.STOPPED)));

            assertThat(response.ids()).containsExactlyElementsOf(failed);
            assertThat(none.ids()).isEmpty();
            assertThat(none.nextToken()).isNull();
        }

        @Test
        void anEmptyFilterKeepsEverything(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> oldestFirst = seed(state, 3, StatusType.STOPPED);

            var response = codeBuild.listBuildBatches(r -> r.filter(f -> {}));

            assertThat(response.ids()).containsExactlyElementsOf(reversed(oldestFirst));
        }

        @Test
        void showsBatchesStartedThroughTheApi(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            String seeded = state.addBuildBatch("api", StatusType.SUCCEEDED).id();
            String started =
                    codeBuild.startBuildBatch(r -> r.projectName("worker")).buildBatch().id();

            var response = codeBuild.listBuildBatches(r -> {});

            assertThat(response.ids()).containsExactly(started, seeded);
        }
    }

    @Nested
    class TwoHundredFiftyBatchesOverThreeProjects {

        private List<String> oldestFirst;

        @BeforeEach
        void seed250(FakeCodeBuildState state) {
            oldestFirst = seed(state, 250, StatusType.SUCCEEDED);
        }

        static Stream<Arguments> pageSizesAndOrders() {
            List<Arguments> cases = new ArrayList<>();
            for (Integer size : new Integer[] {1, 7, 50, 100, null}) {
                for (SortOrderType order :
                        new SortOrderType[] {
                            SortOrderType.ASCENDING, SortOrderType.DESCENDING, null
                        }) {
                    cases.add(Arguments.of(size, order));
                }
            }
            return cases.stream();
        }

        @ParameterizedTest(name = "maxResults {0}, sortOrder {1}")
        @MethodSource("pageSizesAndOrders")
        void thePaginatorGivesEveryBatchOnceInOrder(
                Integer maxResults,
                SortOrderType sortOrder,
                CodeBuildClient codeBuild,
                FakeCodeBuildState state) {
            var first =
                    ListBuildBatchesRequest.builder()
                            .maxResults(maxResults)
                            .sortOrder(sortOrder)
                            .build();

            List<String> walked =
                    codeBuild.listBuildBatchesPaginator(first).ids().stream().toList();

            List<String> expected =
                    sortOrder == SortOrderType.ASCENDING ? oldestFirst : reversed(oldestFirst);
            assertThat(walked).containsExactlyElementsOf(expected);
            int size = maxResults == null ? 100 : maxResults;
            List<ListBuildBatchesRequest> sent = state.requests(ListBuildBatchesRequest.class);
            assertThat(sent).hasSize((250 + size - 1) / size);
            assertThat(sent.get(0)).isEqualTo(first);
            assertThat(sent.subList(1, sent.size()))
                    .allSatisfy(
                            request -> {
                                assertThat(request.maxResults()).isEqualTo(maxResults);
                                assertThat(request.sortOrder()).isEqualTo(sortOrder);
                                assertThat(request.nextToken()).isNotEmpty();
                            });
        }

        @Test
        void pagesHoldMaxResultsAndTheLastOneHasNoToken(CodeBuildClient codeBuild) {
            List<ListBuildBatchesResponse> pages =
                    codeBuild.listBuildBatchesPaginator(r -> r.maxResults(100)).stream().toList();

            assertThat(pages).extracting(page -> page.ids().size()).containsExactly(100, 100, 50);
            assertThat(pages.get(0).nextToken()).isNotEmpty();
            assertThat(pages.get(1).nextToken()).isNotEmpty();
            assertThat(pages.get(2).nextToken()).isNull();
        }

        @Test
        void theFilterPagesToo(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> faults = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                faults.add(state.addBuildBatch(PROJECTS.get(i % 3), StatusType.FAULT).id());
            }

            List<String> walked =
                    codeBuild
                            .listBuildBatchesPaginator(
                                    r -> r.maxResults(7).filter(f -> f.status(StatusType.FAULT)))
                            .ids()
                            .stream()
                            .toList();

            assertThat(walked).containsExactlyElementsOf(reversed(faults));
            assertThat(state.requests(ListBuildBatchesRequest.class)).hasSize(5);
        }
    }

    @Nested
    class Tokens {

        private static final String GARBAGE_TOKEN =
                "Invalid nextToken: pass a token unchanged from an earlier ListBuildBatches"
                        + " response";

        private List<String> oldestFirst;

        @BeforeEach
        void seedFive(FakeCodeBuildState state) {
            oldestFirst = seed(state, 5, StatusType.SUCCEEDED);
        }

        private String firstToken(CodeBuildClient codeBuild, SortOrderType order) {
            String token =
                    codeBuild.listBuildBatches(r -> r.maxResults(2).sortOrder(order)).nextToken();
            assertThat(token).isNotEmpty();
            return token;
        }

        @Test
        void aBatchAddedBetweenPagesNeitherRepeatsNorHidesOne(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var first = codeBuild.listBuildBatches(r -> r.maxResults(2));
            String added = state.addBuildBatch("worker", StatusType.IN_PROGRESS).id();
            var second =
                    codeBuild.listBuildBatches(r -> r.maxResults(2).nextToken(first.nextToken()));
            var third =
                    codeBuild.listBuildBatches(r -> r.maxResults(2).nextToken(second.nextToken()));

            assertThat(first.ids()).containsExactly(oldestFirst.get(4), oldestFirst.get(3));
            assertThat(second.ids()).containsExactly(oldestFirst.get(2), oldestFirst.get(1));
            assertThat(third.ids()).containsExactly(oldestFirst.get(0));
            assertThat(third.nextToken()).isNull();
            assertThat(codeBuild.listBuildBatches(r -> r.maxResults(1)).ids())
                    .containsExactly(added);
        }

        @Test
        void replayingATokenGivesTheSamePage(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, SortOrderType.ASCENDING);

            var once = codeBuild.listBuildBatches(r -> r.maxResults(2).nextToken(token));
            var again = codeBuild.listBuildBatches(r -> r.maxResults(2).nextToken(token));

            assertThat(once.ids()).containsExactly(oldestFirst.get(2), oldestFirst.get(3));
            assertThat(again.ids()).isEqualTo(once.ids());
            assertThat(again.nextToken()).isNotEmpty().isEqualTo(once.nextToken());
        }

        @ParameterizedTest(name = "token \"{0}\"")
        @ValueSource(strings = {"garbage", "AAAAAAAA", "4AEA6u7J...MzY2OA=="})
        void aTokenThatCannotBeDecodedIsRefused(String token, CodeBuildClient codeBuild) {
            invalidInput(() -> codeBuild.listBuildBatches(r -> r.nextToken(token)), GARBAGE_TOKEN);
        }

        @Test
        void aTokenOfListBuildBatchesForProjectIsRefused(CodeBuildClient codeBuild) {
            String token =
                    codeBuild
                            .listBuildBatchesForProject(r -> r.projectName("web-app").maxResults(1))
                            .nextToken();

            invalidInput(() -> codeBuild.listBuildBatches(r -> r.nextToken(token)), GARBAGE_TOKEN);
        }

        @Test
        void aTokenOfListBuildBatchesIsRefusedByListBuildBatchesForProject(
                CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null);

            invalidInput(
                    () ->
                            codeBuild.listBuildBatchesForProject(
                                    r -> r.projectName("web-app").nextToken(token)),
                    "Invalid nextToken: pass a token unchanged from an earlier"
                            + " ListBuildBatchesForProject response");
        }

        @Test
        void aTokenOfAnotherFilterIsRefused(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null);

            invalidInput(
                    () ->
                            codeBuild.listBuildBatches(
                                    r ->
                                            r.nextToken(token)
                                                    .filter(f -> f.status(StatusType.SUCCEEDED))),
                    "Invalid nextToken: it was issued for every project without a status filter,"
                            + " not for every project with filter status SUCCEEDED");
        }

        @Test
        void repeatingTheSortOrderIsAcceptedAndAnotherOneRefused(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, SortOrderType.ASCENDING);

            var second =
                    codeBuild.listBuildBatches(
                            r ->
                                    r.maxResults(2)
                                            .sortOrder(SortOrderType.ASCENDING)
                                            .nextToken(token));

            assertThat(second.ids()).containsExactly(oldestFirst.get(2), oldestFirst.get(3));
            invalidInput(
                    () ->
                            codeBuild.listBuildBatches(
                                    r -> r.sortOrder(SortOrderType.DESCENDING).nextToken(token)),
                    "Invalid nextToken: it was issued for sortOrder ASCENDING; repeat that"
                            + " sortOrder with the token, or leave sortOrder out");
        }

        @Test
        void anEmptyTokenIsTheFirstPage(CodeBuildClient codeBuild) {
            var page = codeBuild.listBuildBatches(r -> r.maxResults(2).nextToken(""));

            assertThat(page.ids()).containsExactly(oldestFirst.get(4), oldestFirst.get(3));
        }
    }
}
