package dev.fakecodebuild.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectResponse;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** What ListBuildBatchesForProject returns: order, status filter, page size, empty results. */
@FakeCodeBuild
class ListBuildBatchesForProjectTest {

    @BeforeEach
    void addProjects(FakeCodeBuildState state) {
        state.addProject("web-app");
        state.addProject("api");
    }

    private static List<String> ids(List<BuildBatch> batches) {
        return batches.stream().map(BuildBatch::id).toList();
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static BuildBatch withId(FakeCodeBuildState state, String id) {
        return state.addBuildBatch(b -> b.projectName("web-app").id(id));
    }

    @Nested
    class Order {

        // Created in this order; neither ascending nor descending ids match creation order.
        private static final String CREATED_FIRST = "web-app:88888888-8888-4888-8888-888888888888";
        private static final String CREATED_SECOND = "web-app:ffffffff-ffff-4fff-bfff-ffffffffffff";
        private static final String CREATED_THIRD = "web-app:00000000-0000-4000-8000-000000000000";

        @BeforeEach
        void seedIdsThatSortDifferentlyFromCreation(FakeCodeBuildState state) {
            withId(state, CREATED_FIRST);
            withId(state, CREATED_SECOND);
            withId(state, CREATED_THIRD);
        }

        @Test
        void defaultIsNewestFirstByBuildBatchNumberNotById(CodeBuildClient codeBuild) {
            var response = codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app"));

            assertThat(response.ids())
                    .containsExactly(CREATED_THIRD, CREATED_SECOND, CREATED_FIRST);
            assertThat(response.nextToken()).isNull();
        }

        @Test
        void descendingIsTheDefaultOrder(CodeBuildClient codeBuild) {
            var ids =
                    codeBuild
                            .listBuildBatchesForProject(
                                    r ->
                                            r.projectName("web-app")
                                                    .sortOrder(SortOrderType.DESCENDING))
                            .ids();

            assertThat(ids).containsExactly(CREATED_THIRD, CREATED_SECOND, CREATED_FIRST);
        }

        @Test
        void ascendingIsOldestFirst(CodeBuildClient codeBuild) {
            var ids =
                    codeBuild
                            .listBuildBatchesForProject(
                                    r ->
                                            r.projectName("web-app")
                                                    .sortOrder(SortOrderType.ASCENDING))
                            .ids();

            assertThat(ids).containsExactly(CREATED_FIRST, CREATED_SECOND, CREATED_THIRD);
        }

        @Test
        void sortOrderAsPlainStringIsAccepted(CodeBuildClient codeBuild) {
            var ids =
                    codeBuild
                            .listBuildBatchesForProject(
                                    r -> r.projectName("web-app").sortOrder("ASCENDING"))
                            .ids();

            assertThat(ids).containsExactly(CREATED_FIRST, CREATED_SECOND, CREATED_THIRD);
        }

        @Test
        void explicitBuildBatchNumbersDecideTheOrderNotSeedingOrder(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("mobile");
            BuildBatch three =
                    state.addBuildBatch(b -> b.projectName("mobile").buildBatchNumber(3L));
            BuildBatch one = state.addBuildBatch(b -> b.projectName("mobile").buildBatchNumber(1L));
            BuildBatch two = state.addBuildBatch(b -> b.projectName("mobile").buildBatchNumber(2L));

            var ascending =
                    codeBuild
                            .listBuildBatchesForProject(
                                    r -> r.projectName("mobile").sortOrder(SortOrderType.ASCENDING))
                            .ids();
            var descending =
                    codeBuild.listBuildBatchesForProject(r -> r.projectName("mobile")).ids();

            assertThat(ascending).containsExactly(one.id(), two.id(), three.id());
            assertThat(descending).containsExactly(three.id(), two.id(), one.id());
        }

        @Test
        void randomIdsComeBackInCreationOrder(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("mobile");
            List<BuildBatch> seeded = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                seeded.add(state.addBuildBatch("mobile", StatusType.SUCCEEDED));
            }

            var ascending =
                    codeBuild
                            .listBuildBatchesForProject(
                                    r -> r.projectName("mobile").sortOrder(SortOrderType.ASCENDING))
                            .ids();
            var descending =
                    codeBuild.listBuildBatchesForProject(r -> r.projectName("mobile")).ids();

            assertThat(ascending).containsExactlyElementsOf(ids(seeded));
            assertThat(descending).containsExactlyElementsOf(reversed(ids(seeded)));
        }

        @Test
        void listsOnlyTheBatchesOfTheNamedProject(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            BuildBatch apiFirst = state.addBuildBatch("api", StatusType.SUCCEEDED);
            state.addBuildBatch("web-app", StatusType.SUCCEEDED);
            BuildBatch apiSecond = state.addBuildBatch("api", StatusType.FAILED);

            var apiIds = codeBuild.listBuildBatchesForProject(r -> r.projectName("api")).ids();
            var webIds = codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app")).ids();

            assertThat(apiIds).containsExactly(apiSecond.id(), apiFirst.id());
            assertThat(webIds).hasSize(4).doesNotContain(apiFirst.id(), apiSecond.id());
        }
    }

    @Nested
    class StatusFilter {

        @Test
        void keepsOnlyMatchingBatchesAndAppliesBeforePaging(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<BuildBatch> seeded = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                StatusType status = i % 2 == 1 ? StatusType.SUCCEEDED : StatusType.FAILED;
                seeded.add(state.addBuildBatch("web-app", status));
            }

            var first =
                    codeBuild.listBuildBatchesForProject(
                            r ->
                                    r.projectName("web-app")
                                            .maxResults(2)
                                            .filter(f -> f.status(StatusType.SUCCEEDED)));
            var second =
                    codeBuild.listBuildBatchesForProject(
                            r ->
                                    r.projectName("web-app")
                                            .maxResults(2)
                                            .filter(f -> f.status(StatusType.SUCCEEDED))
                                            .nextToken(first.nextToken()));
            var third =
                    codeBuild.listBuildBatchesForProject(
                            r ->
                                    r.projectName("web-app")
                                            .maxResults(2)
                                            .filter(f -> f.status(StatusType.SUCCEEDED))
                                            .nextToken(second.nextToken()));

            // Batch numbers 9, 7, 5, 3, 1 succeeded.
            assertThat(first.ids()).containsExactly(seeded.get(8).id(), seeded.get(6).id());
            assertThat(second.ids()).containsExactly(seeded.get(4).id(), seeded.get(2).id());
            assertThat(third.ids()).containsExactly(seeded.get(0).id());
            assertThat(first.nextToken()).isNotEmpty();
            assertThat(second.nextToken()).isNotEmpty().isNotEqualTo(first.nextToken());
            assertThat(third.nextToken()).isNull();
        }

        @Test
        void fillsAPageEvenWhenTheNewestBatchesDoNotMatch(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<BuildBatch> succeeded = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                succeeded.add(state.addBuildBatch("web-app", StatusType.SUCCEEDED));
            }
            for (int i = 0; i < 5; i++) {
                state.addBuildBatch("web-app", StatusType.FAILED);
            }

            var page =
                    codeBuild.listBuildBatchesForProject(
                            r ->
                                    r.projectName("web-app")
                                            .maxResults(3)
                                            .filter(f -> f.status(StatusType.SUCCEEDED)));

            assertThat(page.ids())
                    .containsExactly(
                            succeeded.get(4).id(), succeeded.get(3).id(), succeeded.get(2).id());
            assertThat(page.nextToken()).isNotEmpty();
        }

        @Test
        void worksWithAscendingOrder(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<BuildBatch> seeded = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                StatusType status = i % 2 == 1 ? StatusType.SUCCEEDED : StatusType.FAILED;
                seeded.add(state.addBuildBatch("web-app", status));
            }

            var first =
                    codeBuild.listBuildBatchesForProject(
                            r ->
                                    r.projectName("web-app")
                                            .maxResults(3)
                                            .sortOrder(SortOrderType.ASCENDING)
                                            .filter(f -> f.status(StatusType.FAILED)));
            var second =
                    codeBuild.listBuildBatchesForProject(
                            r ->
                                    r.projectName("web-app")
                                            .maxResults(3)
                                            .sortOrder(SortOrderType.ASCENDING)
                                            .filter(f -> f.status(StatusType.FAILED))
                                            .nextToken(first.nextToken()));

            // Batch numbers 2, 4, 6, 8, 10 failed.
            assertThat(first.ids())
                    .containsExactly(seeded.get(1).id(), seeded.get(3).id(), seeded.get(5).id());
            assertThat(second.ids()).containsExactly(seeded.get(7).id(), seeded.get(9).id());
            assertThat(second.nextToken()).isNull();
        }

        @ParameterizedTest
        @EnumSource(
                value = StatusType.class,
                names = "UNKNOWN_TO_SDK_VERSION",
                mode = EnumSource.Mode.EXCLUDE)
        void keepsEachStatus(
                StatusType wanted, CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> expected = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (StatusType status : StatusType.knownValues()) {
                    BuildBatch batch = state.addBuildBatch("web-app", status);
                    if (status == wanted) {
                        expected.add(0, batch.id());
                    }
                }
            }

            var response =
                    codeBuild.listBuildBatchesForProject(
                            r -> r.projectName("web-app").filter(f -> f.status(wanted)));

            assertThat(response.ids()).hasSize(2).containsExactlyElementsOf(expected);
            assertThat(response.ids())
                    .allSatisfy(
                            id ->
                                    assertThat(
                                                    state.buildBatch(id)
                                                            .orElseThrow()
                                                            .buildBatchStatus())
                                            .isEqualTo(wanted));
            assertThat(response.nextToken()).isNull();
        }

        @Test
        void filterMatchingNothingGivesEmptyIdsAndNoToken(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addBuildBatch("web-app", StatusType.SUCCEEDED);
            state.addBuildBatch("web-app", StatusType.FAILED);
            state.addBuildBatch("api", StatusType.STOPPED);

            var response =
                    codeBuild.listBuildBatchesForProject(
                            r ->
                                    r.projectName("web-app")
                                            .filter(f -> f.status(StatusType.STOPPED)));

            assertThat(response.hasIds()).isTrue();
            assertThat(response.ids()).isEmpty();
            assertThat(response.nextToken()).isNull();
        }

        @Test
        void filterWithoutStatusKeepsEverything(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            BuildBatch failed = state.addBuildBatch("web-app", StatusType.FAILED);
            BuildBatch succeeded = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

            var ids =
                    codeBuild
                            .listBuildBatchesForProject(
                                    r -> r.projectName("web-app").filter(f -> {}))
                            .ids();

            assertThat(ids).containsExactly(succeeded.id(), failed.id());
        }
    }

    @Nested
    class PageSize {

        private List<BuildBatch> seed(FakeCodeBuildState state, int count) {
            return IntStream.range(0, count)
                    .mapToObj(i -> state.addBuildBatch("web-app", StatusType.SUCCEEDED))
                    .toList();
        }

        @Test
        void oneReturnsOnlyTheNewestBatch(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<BuildBatch> seeded = seed(state, 3);

            var page =
                    codeBuild.listBuildBatchesForProject(
                            r -> r.projectName("web-app").maxResults(1));

            assertThat(page.ids()).containsExactly(seeded.get(2).id());
            assertThat(page.nextToken()).isNotEmpty();
        }

        @Test
        void defaultIsOneHundred(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> newestFirst = reversed(ids(seed(state, 101)));

            var first = codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app"));
            var second =
                    codeBuild.listBuildBatchesForProject(
                            r -> r.projectName("web-app").nextToken(first.nextToken()));

            assertThat(first.ids()).containsExactlyElementsOf(newestFirst.subList(0, 100));
            assertThat(first.nextToken()).isNotEmpty();
            assertThat(second.ids()).containsExactly(newestFirst.get(100));
            assertThat(second.nextToken()).isNull();
        }

        @Test
        void oneHundredIsAccepted(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> oldestFirst = ids(seed(state, 101));

            var first =
                    codeBuild.listBuildBatchesForProject(
                            r ->
                                    r.projectName("web-app")
                                            .maxResults(100)
                                            .sortOrder(SortOrderType.ASCENDING));

            assertThat(first.ids()).containsExactlyElementsOf(oldestFirst.subList(0, 100));
            assertThat(first.nextToken()).isNotEmpty();
        }

        @Test
        void aPageThatEndsExactlyAtTheLastBatchHasNoToken(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> newestFirst = reversed(ids(seed(state, 100)));

            var page = codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app"));

            assertThat(page.ids()).containsExactlyElementsOf(newestFirst);
            assertThat(page.nextToken()).isNull();
        }

        @Test
        void pageLargerThanTheListReturnsEverything(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> newestFirst = reversed(ids(seed(state, 3)));

            var page =
                    codeBuild.listBuildBatchesForProject(
                            r -> r.projectName("web-app").maxResults(4));

            assertThat(page.ids()).containsExactlyElementsOf(newestFirst);
            assertThat(page.nextToken()).isNull();
        }
    }

    @Nested
    class EmptyResults {

        @Test
        void projectWithoutBatchesGivesEmptyIdsAndNoToken(CodeBuildClient codeBuild) {
            var response = codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app"));

            assertThat(response.hasIds()).isTrue();
            assertThat(response.ids()).isEmpty();
            assertThat(response.nextToken()).isNull();
        }

        @Test
        void projectWithoutBatchesWhileAnotherHasSome(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addBuildBatch("api", StatusType.SUCCEEDED);

            var response =
                    codeBuild.listBuildBatchesForProject(
                            r ->
                                    r.projectName("web-app")
                                            .maxResults(1)
                                            .sortOrder(SortOrderType.ASCENDING));

            assertThat(response.hasIds()).isTrue();
            assertThat(response.ids()).isEmpty();
            assertThat(response.nextToken()).isNull();
        }

        @Test
        void paginatorOverAnEmptyProjectMakesOneCall(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var ids =
                    codeBuild
                            .listBuildBatchesForProjectPaginator(r -> r.projectName("web-app"))
                            .ids()
                            .stream()
                            .toList();

            assertThat(ids).isEmpty();
            assertThat(state.calls())
                    .singleElement()
                    .extracting(RecordedCall::statusCode)
                    .isEqualTo(200);
        }
    }

    @Nested
    class Concurrency {

        @Test
        void servesParallelCallsFromOneClient(CodeBuildClient codeBuild, FakeCodeBuildState state)
                throws Exception {
            List<String> oldestFirst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                oldestFirst.add(state.addBuildBatch("web-app", StatusType.SUCCEEDED).id());
            }
            List<String> newestFirst = reversed(oldestFirst);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<ListBuildBatchesForProjectResponse>> calls = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    calls.add(
                            () ->
                                    codeBuild.listBuildBatchesForProject(
                                            r -> r.projectName("web-app")));
                }
                for (Future<ListBuildBatchesForProjectResponse> result : pool.invokeAll(calls)) {
                    assertThat(result.get(10, TimeUnit.SECONDS).ids())
                            .containsExactlyElementsOf(newestFirst);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(state.calls())
                    .hasSize(80)
                    .allSatisfy(call -> assertThat(call.statusCode()).isEqualTo(200));
        }
    }
}
