package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static dev.fakecodebuild.operations.ServiceErrors.resourceNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectResponse;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** Paging through ListBuildBatchesForProject: nextToken by hand and the SDK paginator. */
@FakeCodeBuild
class ListBuildBatchesForProjectPagingTest {

    private static final String GARBAGE_TOKEN =
            "Invalid nextToken: pass a token unchanged from an earlier"
                    + " ListBuildBatchesForProject response";

    @BeforeEach
    void addProjects(FakeCodeBuildState state) {
        state.addProject("web-app");
        state.addProject("api");
    }

    private static List<String> seed(FakeCodeBuildState state, String project, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(state.addBuildBatch(project, StatusType.SUCCEEDED).id());
        }
        return ids;
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    /** The order a listing returns; {@code null} (no sortOrder sent) means newest first. */
    private static List<String> inOrder(List<String> oldestFirst, SortOrderType order) {
        return order == SortOrderType.ASCENDING ? oldestFirst : reversed(oldestFirst);
    }

    @Nested
    class TwoHundredFiftyBatches {

        private List<String> oldestFirst;

        @BeforeEach
        void seed250(FakeCodeBuildState state) {
            oldestFirst = seed(state, "web-app", 250);
        }

        static Stream<Arguments> pageSizesAndOrders() {
            List<Arguments> cases = new ArrayList<>();
            for (Integer size : new Integer[] {1, 7, 100, null}) {
                for (SortOrderType order : new SortOrderType[] {SortOrderType.ASCENDING, null}) {
                    cases.add(Arguments.of(size, order));
                }
            }
            cases.add(Arguments.of(7, SortOrderType.DESCENDING));
            return cases.stream();
        }

        @ParameterizedTest(name = "maxResults {0}, sortOrder {1}")
        @MethodSource("pageSizesAndOrders")
        void walkingThePagesGivesEveryBatchOnceInOrder(
                Integer maxResults,
                SortOrderType sortOrder,
                CodeBuildClient codeBuild,
                FakeCodeBuildState state) {
            int size = maxResults == null ? 100 : maxResults;
            var first =
                    ListBuildBatchesForProjectRequest.builder()
                            .projectName("web-app")
                            .maxResults(maxResults)
                            .sortOrder(sortOrder)
                            .build();

            List<String> walked = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            Set<String> tokens = new HashSet<>();
            List<ListBuildBatchesForProjectRequest> sent = new ArrayList<>();
            String token = null;
            do {
                var request = first.toBuilder().nextToken(token).build();
                sent.add(request);
                ListBuildBatchesForProjectResponse page =
                        codeBuild.listBuildBatchesForProject(request);
                walked.addAll(page.ids());
                pageSizes.add(page.ids().size());
                assertThat(page.nextToken()).isNotEqualTo(token).isNotEqualTo("");
                if (page.nextToken() != null) {
                    assertThat(tokens.add(page.nextToken())).as("tokens repeat").isTrue();
                }
                token = page.nextToken();
            } while (token != null && sent.size() <= 250);

            int pages = (250 + size - 1) / size;
            List<Integer> expectedSizes = new ArrayList<>(Collections.nCopies(pages, size));
            expectedSizes.set(pages - 1, 250 - size * (pages - 1));
            assertThat(walked).containsExactlyElementsOf(inOrder(oldestFirst, sortOrder));
            assertThat(pageSizes).containsExactlyElementsOf(expectedSizes);
            assertThat(tokens).hasSize(pages - 1);
            assertThat(state.requests(ListBuildBatchesForProjectRequest.class))
                    .containsExactlyElementsOf(sent);
        }

        @Test
        void paginatorWalksEveryPageAndStops(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var paginator =
                    codeBuild.listBuildBatchesForProjectPaginator(
                            r -> r.projectName("web-app").maxResults(40));

            assertThat(state.calls()).as("the paginator is lazy").isEmpty();
            List<String> ids = paginator.ids().stream().toList();

            assertThat(ids).hasSize(250).containsExactlyElementsOf(reversed(oldestFirst));
            var requests = state.requests(ListBuildBatchesForProjectRequest.class);
            assertThat(requests).hasSize(7);
            assertThat(requests.get(0).nextToken()).isNull();
            assertThat(requests.subList(1, 7))
                    .allSatisfy(r -> assertThat(r.nextToken()).isNotEmpty());
            assertThat(requests)
                    .allSatisfy(
                            r -> {
                                assertThat(r.projectName()).isEqualTo("web-app");
                                assertThat(r.maxResults()).isEqualTo(40);
                            });
        }

        @Test
        void paginatorPagesHaveTheRequestedSize(CodeBuildClient codeBuild) {
            var sizes =
                    codeBuild
                            .listBuildBatchesForProjectPaginator(
                                    r -> r.projectName("web-app").maxResults(40))
                            .stream()
                            .map(page -> page.ids().size())
                            .toList();

            assertThat(sizes).containsExactly(40, 40, 40, 40, 40, 40, 10);
        }

        @Test
        void paginatorRepeatsTheSortOrderOnEveryPageAndThatIsAccepted(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> ids =
                    codeBuild
                            .listBuildBatchesForProjectPaginator(
                                    r ->
                                            r.projectName("web-app")
                                                    .maxResults(100)
                                                    .sortOrder(SortOrderType.ASCENDING))
                            .ids()
                            .stream()
                            .toList();

            assertThat(ids).containsExactlyElementsOf(oldestFirst);
            assertThat(state.requests(ListBuildBatchesForProjectRequest.class))
                    .hasSize(3)
                    .allSatisfy(r -> assertThat(r.sortOrder()).isEqualTo(SortOrderType.ASCENDING));
        }

        @Test
        void paginatorWithTheDefaultPageSize(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> ids =
                    codeBuild
                            .listBuildBatchesForProjectPaginator(r -> r.projectName("web-app"))
                            .ids()
                            .stream()
                            .toList();

            assertThat(ids).containsExactlyElementsOf(reversed(oldestFirst));
            assertThat(state.requests(ListBuildBatchesForProjectRequest.class)).hasSize(3);
        }
    }

    @Nested
    class PaginatorWithFilter {

        @Test
        void walksOnlyMatchingBatches(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> failedNewestFirst = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                StatusType status = i % 5 == 0 ? StatusType.FAILED : StatusType.SUCCEEDED;
                BuildBatch batch = state.addBuildBatch("web-app", status);
                if (status == StatusType.FAILED) {
                    failedNewestFirst.add(0, batch.id());
                }
            }

            var paginator =
                    codeBuild.listBuildBatchesForProjectPaginator(
                            r ->
                                    r.projectName("web-app")
                                            .maxResults(7)
                                            .filter(f -> f.status(StatusType.FAILED)));
            var sizes = paginator.stream().map(page -> page.ids().size()).toList();

            assertThat(sizes).containsExactly(7, 7, 7, 7, 7, 7, 7, 1);
            assertThat(paginator.ids().stream().toList())
                    .hasSize(50)
                    .containsExactlyElementsOf(failedNewestFirst);
        }

        @Test
        void failsOnAnUnknownProject(CodeBuildClient codeBuild) {
            var paginator =
                    codeBuild.listBuildBatchesForProjectPaginator(r -> r.projectName("ghost"));

            resourceNotFound(
                    () -> paginator.ids().stream().toList(),
                    "Project cannot be found:"
                            + " arn:aws:codebuild:us-east-1:123456789012:project/ghost");
        }
    }

    @Nested
    class Tokens {

        private List<String> oldestFirst;

        @BeforeEach
        void seedFive(FakeCodeBuildState state) {
            oldestFirst = seed(state, "web-app", 5);
        }

        private ListBuildBatchesForProjectResponse page(
                CodeBuildClient codeBuild,
                int maxResults,
                SortOrderType sortOrder,
                StatusType status,
                String token) {
            return codeBuild.listBuildBatchesForProject(
                    r -> {
                        r.projectName("web-app")
                                .maxResults(maxResults)
                                .sortOrder(sortOrder)
                                .nextToken(token);
                        if (status != null) {
                            r.filter(f -> f.status(status));
                        }
                    });
        }

        private String firstToken(
                CodeBuildClient codeBuild, SortOrderType sortOrder, StatusType status) {
            String token = page(codeBuild, 2, sortOrder, status, null).nextToken();
            assertThat(token).isNotEmpty();
            return token;
        }

        @Test
        void replayingATokenGivesTheSamePage(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null, null);

            var once = page(codeBuild, 2, null, null, token);
            var again = page(codeBuild, 2, null, null, token);

            assertThat(once.ids()).containsExactly(oldestFirst.get(2), oldestFirst.get(1));
            assertThat(again.ids()).isEqualTo(once.ids());
            assertThat(again.nextToken()).isNotEmpty().isEqualTo(once.nextToken());
            assertThat(once.nextToken()).isNotEqualTo(token);
        }

        @Test
        void aTokenCanBeReplayedAfterTheListingWentOn(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, SortOrderType.ASCENDING, null);
            var second = page(codeBuild, 2, SortOrderType.ASCENDING, null, token);
            var third = page(codeBuild, 2, SortOrderType.ASCENDING, null, second.nextToken());

            var replayed = page(codeBuild, 2, SortOrderType.ASCENDING, null, token);

            assertThat(third.ids()).containsExactly(oldestFirst.get(4));
            assertThat(third.nextToken()).isNull();
            assertThat(replayed.ids()).containsExactly(oldestFirst.get(2), oldestFirst.get(3));
            assertThat(replayed.nextToken()).isEqualTo(second.nextToken());
        }

        @Test
        void aBatchAddedBetweenPagesNeitherRepeatsNorHidesOneDescending(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var first = page(codeBuild, 2, null, null, null);
            String added = state.addBuildBatch("web-app", StatusType.IN_PROGRESS).id();
            var second = page(codeBuild, 2, null, null, first.nextToken());
            var third = page(codeBuild, 2, null, null, second.nextToken());

            assertThat(first.ids()).containsExactly(oldestFirst.get(4), oldestFirst.get(3));
            assertThat(second.ids()).containsExactly(oldestFirst.get(2), oldestFirst.get(1));
            assertThat(third.ids()).containsExactly(oldestFirst.get(0));
            assertThat(third.nextToken()).isNull();
            // The new batch is newer than the first page: a fresh listing shows it first.
            assertThat(page(codeBuild, 2, null, null, null).ids())
                    .containsExactly(added, oldestFirst.get(4));
        }

        @Test
        void aBatchAddedBetweenPagesNeitherRepeatsNorHidesOneAscending(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var first = page(codeBuild, 2, SortOrderType.ASCENDING, null, null);
            String added = state.addBuildBatch("web-app", StatusType.IN_PROGRESS).id();
            var second = page(codeBuild, 2, SortOrderType.ASCENDING, null, first.nextToken());
            var third = page(codeBuild, 2, SortOrderType.ASCENDING, null, second.nextToken());

            assertThat(first.ids()).containsExactly(oldestFirst.get(0), oldestFirst.get(1));
            assertThat(second.ids()).containsExactly(oldestFirst.get(2), oldestFirst.get(3));
            assertThat(third.ids()).containsExactly(oldestFirst.get(4), added);
            assertThat(third.nextToken()).isNull();
        }

        @Test
        void aBatchOfAnotherProjectAddedBetweenPagesChangesNothing(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var first = page(codeBuild, 3, null, null, null);
            seed(state, "api", 3);
            var second = page(codeBuild, 3, null, null, first.nextToken());

            assertThat(second.ids()).containsExactly(oldestFirst.get(1), oldestFirst.get(0));
            assertThat(second.nextToken()).isNull();
        }

        @ParameterizedTest(name = "token \"{0}\"")
        @ValueSource(
                strings = {"garbage", "not a token!", "AAAAAAAA", "%%%", "4AEA6u7J...MzY2OA=="})
        void aTokenThatCannotBeDecodedIsRefused(String token, CodeBuildClient codeBuild) {
            invalidInput(() -> page(codeBuild, 2, null, null, token), GARBAGE_TOKEN);
        }

        @Test
        void anAlteredTokenIsRefused(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null, null);
            // A character in the middle carries all its bits (the last one may carry padding).
            int middle = token.length() / 2;
            char changed = token.charAt(middle) == 'A' ? 'B' : 'A';
            String altered = token.substring(0, middle) + changed + token.substring(middle + 1);
            String truncated = token.substring(0, token.length() / 2);

            invalidInput(() -> page(codeBuild, 2, null, null, altered), GARBAGE_TOKEN);
            invalidInput(() -> page(codeBuild, 2, null, null, truncated), GARBAGE_TOKEN);
        }

        @Test
        void aTokenOfAnotherProjectIsRefused(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            seed(state, "api", 3);
            String token = firstToken(codeBuild, null, null);

            invalidInput(
                    () ->
                            codeBuild.listBuildBatchesForProject(
                                    r -> r.projectName("api").maxResults(2).nextToken(token)),
                    "Invalid nextToken: it was issued for project 'web-app' without a status"
                            + " filter, not for project 'api' without a status filter");
        }

        @Test
        void aTokenWithoutFilterIsRefusedWithAFilter(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null, null);

            invalidInput(
                    () -> page(codeBuild, 2, null, StatusType.SUCCEEDED, token),
                    "Invalid nextToken: it was issued for project 'web-app' without a status"
                            + " filter, not for project 'web-app' with filter status SUCCEEDED");
        }

        @Test
        void aTokenWithAFilterIsRefusedWithAnotherOrNoFilter(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null, StatusType.SUCCEEDED);

            invalidInput(
                    () -> page(codeBuild, 2, null, StatusType.FAILED, token),
                    "Invalid nextToken: it was issued for project 'web-app' with filter status"
                            + " SUCCEEDED, not for project 'web-app' with filter status FAILED");
            invalidInput(
                    () -> page(codeBuild, 2, null, null, token),
                    "Invalid nextToken: it was issued for project 'web-app' with filter status"
                            + " SUCCEEDED, not for project 'web-app' without a status filter");
        }

        @ParameterizedTest
        @EnumSource(
                value = SortOrderType.class,
                names = {"ASCENDING", "DESCENDING"})
        void repeatingTheSortOrderWithTheTokenIsAccepted(
                SortOrderType order, CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, order, null);

            var second = page(codeBuild, 2, order, null, token);

            assertThat(second.ids())
                    .containsExactlyElementsOf(inOrder(oldestFirst, order).subList(2, 4));
        }

        @Test
        void explicitDescendingWithATokenOfTheDefaultOrderIsAccepted(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null, null);

            var second = page(codeBuild, 2, SortOrderType.DESCENDING, null, token);

            assertThat(second.ids()).containsExactly(oldestFirst.get(2), oldestFirst.get(1));
        }

        @Test
        void anotherSortOrderWithTheTokenIsRefused(CodeBuildClient codeBuild) {
            String ascending = firstToken(codeBuild, SortOrderType.ASCENDING, null);
            String byDefault = firstToken(codeBuild, null, null);

            invalidInput(
                    () -> page(codeBuild, 2, SortOrderType.DESCENDING, null, ascending),
                    "Invalid nextToken: it was issued for sortOrder ASCENDING; repeat that"
                            + " sortOrder with the token, or leave sortOrder out");
            invalidInput(
                    () -> page(codeBuild, 2, SortOrderType.ASCENDING, null, byDefault),
                    "Invalid nextToken: it was issued for sortOrder DESCENDING; repeat that"
                            + " sortOrder with the token, or leave sortOrder out");
        }

        @Test
        void omittingTheSortOrderContinuesInTheTokensOrder(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, SortOrderType.ASCENDING, null);

            var second = page(codeBuild, 2, null, null, token);
            var third = page(codeBuild, 2, null, null, second.nextToken());

            assertThat(second.ids()).containsExactly(oldestFirst.get(2), oldestFirst.get(3));
            assertThat(third.ids()).containsExactly(oldestFirst.get(4));
            assertThat(third.nextToken()).isNull();
        }

        @Test
        void anEmptyTokenIsTheFirstPage(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var page = page(codeBuild, 2, null, null, "");

            assertThat(page.ids()).containsExactly(oldestFirst.get(4), oldestFirst.get(3));
            assertThat(page.nextToken()).isNotEmpty();
            assertThat(state.requests(ListBuildBatchesForProjectRequest.class))
                    .singleElement()
                    .extracting(ListBuildBatchesForProjectRequest::nextToken)
                    .isEqualTo("");
        }

        @Test
        void anEmptyTokenWithAscendingIsTheFirstPageInThatOrder(CodeBuildClient codeBuild) {
            var page = page(codeBuild, 2, SortOrderType.ASCENDING, null, "");

            assertThat(page.ids()).containsExactly(oldestFirst.get(0), oldestFirst.get(1));
        }

        @Test
        void thePageSizeMayChangeBetweenPages(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null, null);

            var rest = page(codeBuild, 3, null, null, token);

            assertThat(rest.ids())
                    .containsExactly(oldestFirst.get(2), oldestFirst.get(1), oldestFirst.get(0));
            assertThat(rest.nextToken()).isNull();
        }

        @Test
        void aFilteredTokenContinuesTheFilteredListing(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> stoppedOldestFirst = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                stoppedOldestFirst.add(state.addBuildBatch("web-app", StatusType.STOPPED).id());
                state.addBuildBatch("web-app", StatusType.FAILED);
            }

            var first = page(codeBuild, 2, null, StatusType.STOPPED, null);
            var second = page(codeBuild, 2, null, StatusType.STOPPED, first.nextToken());

            assertThat(first.ids())
                    .containsExactly(stoppedOldestFirst.get(2), stoppedOldestFirst.get(1));
            assertThat(second.ids()).containsExactly(stoppedOldestFirst.get(0));
            assertThat(second.nextToken()).isNull();
        }
    }
}
