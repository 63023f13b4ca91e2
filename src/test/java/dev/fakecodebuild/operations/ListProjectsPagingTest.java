package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.Projects.minimal;
import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
import software.amazon.awssdk.services.codebuild.model.ListProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.ListProjectsResponse;
import software.amazon.awssdk.services.codebuild.model.ProjectSortByType;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * How ListProjects pages through 250 projects: 100 a page, at each sort key and order, with the SDK
 * paginator and by hand, and what its tokens accept and refuse.
 */
@FakeCodeBuild
class ListProjectsPagingTest {

    private static final int COUNT = 250;
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String FOREIGN_TOKEN =
            "Invalid nextToken: pass a token unchanged from an earlier ListProjects response";

    /** Names in the order of each sort key, ascending. */
    private final List<String> byName = new ArrayList<>();

    private final List<String> byCreation = new ArrayList<>();
    private final List<String> byModification = new ArrayList<>();

    /**
     * Seed 250 projects whose names, creation times and modification times sort in three different
     * orders: the i-th project created is named p{i*97 mod 250} and was last modified at rank i*31
     * mod 250 (both multipliers are prime to 250, so both are permutations).
     */
    @BeforeEach
    void seed(FakeCodeBuildState state) {
        String[] byModificationRank = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            String name = String.format("p%03d", i * 97 % COUNT);
            int rank = i * 31 % COUNT;
            Instant created = T0.plusSeconds(i);
            Instant modified = T0.plusSeconds(1000 + rank);
            state.addProject(p -> p.name(name).created(created).lastModified(modified));
            byCreation.add(name);
            byModificationRank[rank] = name;
        }
        byModification.addAll(List.of(byModificationRank));
        byName.addAll(byCreation);
        Collections.sort(byName);
    }

    private List<String> expected(ProjectSortByType sortBy, SortOrderType sortOrder) {
        List<String> ascending =
                switch (sortBy) {
                    case CREATED_TIME -> byCreation;
                    case LAST_MODIFIED_TIME -> byModification;
                    default -> byName;
                };
        List<String> names = new ArrayList<>(ascending);
        if (sortOrder == SortOrderType.DESCENDING) {
            Collections.reverse(names);
        }
        return names;
    }

    static Stream<Arguments> everySortKeyAndOrder() {
        return Stream.of(
                        ProjectSortByType.NAME,
                        ProjectSortByType.CREATED_TIME,
                        ProjectSortByType.LAST_MODIFIED_TIME)
                .flatMap(
                        sortBy ->
                                Stream.of(SortOrderType.ASCENDING, SortOrderType.DESCENDING)
                                        .map(order -> Arguments.of(sortBy, order)));
    }

    @Test
    void theSeededOrdersDiffer() {
        assertThat(byCreation).isNotEqualTo(byName);
        assertThat(byModification).isNotEqualTo(byCreation).isNotEqualTo(byName);
        assertThat(byName).hasSize(COUNT).doesNotHaveDuplicates();
    }

    @Nested
    class Paginator {

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("dev.fakecodebuild.operations.ListProjectsPagingTest#everySortKeyAndOrder")
        void walksEveryProjectOnceInOrder(
                ProjectSortByType sortBy,
                SortOrderType sortOrder,
                CodeBuildClient codeBuild,
                FakeCodeBuildState state) {
            var paginator =
                    codeBuild.listProjectsPaginator(r -> r.sortBy(sortBy).sortOrder(sortOrder));

            List<String> names = paginator.projects().stream().toList();

            assertThat(names).containsExactlyElementsOf(expected(sortBy, sortOrder));
            assertThat(state.requests(ListProjectsRequest.class))
                    .hasSize(3)
                    .allSatisfy(
                            request -> {
                                assertThat(request.sortBy()).isEqualTo(sortBy);
                                assertThat(request.sortOrder()).isEqualTo(sortOrder);
                            });
        }

        @Test
        void pagesHoldAHundredNames(CodeBuildClient codeBuild) {
            var pages = codeBuild.listProjectsPaginator(ListProjectsRequest.builder().build());

            List<Integer> sizes = pages.stream().map(page -> page.projects().size()).toList();
            List<String> lastTokens =
                    pages.stream().map(ListProjectsResponse::nextToken).skip(2).toList();

            assertThat(sizes).containsExactly(100, 100, 50);
            assertThat(lastTokens).containsExactly((String) null);
        }

        @Test
        void withoutSortByOrSortOrderWalksByNameAscending(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<String> names =
                    codeBuild
                            .listProjectsPaginator(ListProjectsRequest.builder().build())
                            .projects()
                            .stream()
                            .toList();

            assertThat(names).containsExactlyElementsOf(byName);
            assertThat(state.requests(ListProjectsRequest.class)).hasSize(3);
        }

        @Test
        void exactlyAHundredProjectsAreOnePage(CodeBuildClient codeBuild) {
            for (String name : byName.subList(100, COUNT)) {
                codeBuild.deleteProject(r -> r.name(name));
            }

            var response = codeBuild.listProjects();

            assertThat(response.projects()).containsExactlyElementsOf(byName.subList(0, 100));
            assertThat(response.nextToken()).isNull();
        }
    }

    @Nested
    class Tokens {

        private ListProjectsResponse page(
                CodeBuildClient codeBuild,
                ProjectSortByType sortBy,
                SortOrderType sortOrder,
                String token) {
            return codeBuild.listProjects(
                    r -> r.sortBy(sortBy).sortOrder(sortOrder).nextToken(token));
        }

        private String firstToken(
                CodeBuildClient codeBuild, ProjectSortByType sortBy, SortOrderType sortOrder) {
            String token = page(codeBuild, sortBy, sortOrder, null).nextToken();
            assertThat(token).isNotEmpty();
            return token;
        }

        @Test
        void replayingATokenGivesTheSamePage(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, ProjectSortByType.CREATED_TIME, null);

            var once = page(codeBuild, ProjectSortByType.CREATED_TIME, null, token);
            var again = page(codeBuild, ProjectSortByType.CREATED_TIME, null, token);

            assertThat(once.projects()).containsExactlyElementsOf(byCreation.subList(100, 200));
            assertThat(again.projects()).isEqualTo(once.projects());
            assertThat(again.nextToken()).isNotEmpty().isEqualTo(once.nextToken());
            assertThat(once.nextToken()).isNotEqualTo(token);
        }

        @Test
        void aTokenCanBeReplayedAfterTheListingEnded(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null, SortOrderType.DESCENDING);
            var second = page(codeBuild, null, SortOrderType.DESCENDING, token);
            var third = page(codeBuild, null, SortOrderType.DESCENDING, second.nextToken());

            var replayed = page(codeBuild, null, SortOrderType.DESCENDING, token);

            assertThat(third.projects())
                    .containsExactlyElementsOf(
                            expected(ProjectSortByType.NAME, SortOrderType.DESCENDING)
                                    .subList(200, COUNT));
            assertThat(third.nextToken()).isNull();
            assertThat(replayed.equalsBySdkFields(second)).isTrue();
        }

        @ParameterizedTest(name = "token \"{0}\"")
        @ValueSource(strings = {"garbage", "not a token!", "AAAAAAAA", "4AEA6u7J...MzY2OA=="})
        void aTokenThatCannotBeDecodedIsRefused(String token, CodeBuildClient codeBuild) {
            invalidInput(() -> page(codeBuild, null, null, token), FOREIGN_TOKEN);
        }

        @Test
        void aTokenOfAnotherOperationIsRefused(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addBuildBatch("p000", StatusType.SUCCEEDED);
            state.addBuildBatch("p000", StatusType.SUCCEEDED);
            String batchToken =
                    codeBuild
                            .listBuildBatchesForProject(r -> r.projectName("p000").maxResults(1))
                            .nextToken();

            invalidInput(() -> page(codeBuild, null, null, batchToken), FOREIGN_TOKEN);
        }

        @Test
        void aTokenOfListProjectsIsRefusedByAnotherOperation(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addBuildBatch("p000", StatusType.SUCCEEDED);
            String token = firstToken(codeBuild, null, null);

            invalidInput(
                    () ->
                            codeBuild.listBuildBatchesForProject(
                                    r -> r.projectName("p000").nextToken(token)),
                    "Invalid nextToken: pass a token unchanged from an earlier"
                            + " ListBuildBatchesForProject response");
        }

        @Test
        void anAlteredTokenIsRefused(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null, null);
            int middle = token.length() / 2;
            char changed = token.charAt(middle) == 'A' ? 'B' : 'A';
            String altered = token.substring(0, middle) + changed + token.substring(middle + 1);

            invalidInput(() -> page(codeBuild, null, null, altered), FOREIGN_TOKEN);
        }

        @Test
        void anotherSortByWithTheTokenIsRefused(CodeBuildClient codeBuild) {
            String byNameToken = firstToken(codeBuild, null, null);
            String byCreationToken = firstToken(codeBuild, ProjectSortByType.CREATED_TIME, null);

            invalidInput(
                    () -> page(codeBuild, ProjectSortByType.CREATED_TIME, null, byNameToken),
                    "Invalid nextToken: it was issued for every project with sortBy NAME, not for"
                            + " every project with sortBy CREATED_TIME");
            invalidInput(
                    () -> page(codeBuild, ProjectSortByType.NAME, null, byCreationToken),
                    "Invalid nextToken: it was issued for every project with sortBy"
                            + " CREATED_TIME, not for every project with sortBy NAME");
            invalidInput(
                    () ->
                            page(
                                    codeBuild,
                                    ProjectSortByType.LAST_MODIFIED_TIME,
                                    null,
                                    byCreationToken),
                    "Invalid nextToken: it was issued for every project with sortBy"
                            + " CREATED_TIME, not for every project with sortBy"
                            + " LAST_MODIFIED_TIME");
        }

        @ParameterizedTest
        @EnumSource(
                value = ProjectSortByType.class,
                names = {"CREATED_TIME", "LAST_MODIFIED_TIME"})
        void omittingSortByContinuesInTheTokensSortKey(
                ProjectSortByType sortBy, CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, sortBy, null);

            var second = page(codeBuild, null, null, token);

            assertThat(second.projects())
                    .containsExactlyElementsOf(
                            expected(sortBy, SortOrderType.ASCENDING).subList(100, 200));
        }

        @Test
        void anotherSortOrderWithTheTokenIsRefused(CodeBuildClient codeBuild) {
            String descending = firstToken(codeBuild, null, SortOrderType.DESCENDING);
            String byDefault = firstToken(codeBuild, null, null);

            invalidInput(
                    () -> page(codeBuild, null, SortOrderType.ASCENDING, descending),
                    "Invalid nextToken: it was issued for sortOrder DESCENDING; repeat that"
                            + " sortOrder with the token, or leave sortOrder out");
            invalidInput(
                    () -> page(codeBuild, null, SortOrderType.DESCENDING, byDefault),
                    "Invalid nextToken: it was issued for sortOrder ASCENDING; repeat that"
                            + " sortOrder with the token, or leave sortOrder out");
        }

        @Test
        void explicitAscendingWithATokenOfTheDefaultOrderIsAccepted(CodeBuildClient codeBuild) {
            String token = firstToken(codeBuild, null, null);

            var second = page(codeBuild, ProjectSortByType.NAME, SortOrderType.ASCENDING, token);

            assertThat(second.projects()).containsExactlyElementsOf(byName.subList(100, 200));
        }

        @Test
        void omittingTheSortOrderContinuesInTheTokensOrder(CodeBuildClient codeBuild) {
            String token =
                    firstToken(
                            codeBuild,
                            ProjectSortByType.LAST_MODIFIED_TIME,
                            SortOrderType.DESCENDING);

            var second = page(codeBuild, null, null, token);

            assertThat(second.projects())
                    .containsExactlyElementsOf(
                            expected(ProjectSortByType.LAST_MODIFIED_TIME, SortOrderType.DESCENDING)
                                    .subList(100, 200));
        }

        @Test
        void anEmptyTokenIsRefusedAsTheModelSays(CodeBuildClient codeBuild) {
            // ListProjectsInput.nextToken is a NonEmptyString, unlike the build batch listings'.
            invalidInput(
                    () -> page(codeBuild, null, null, ""),
                    "1 validation error detected: Value '' at 'nextToken' failed to satisfy"
                            + " constraint: Member must have length greater than or equal to 1");
        }
    }

    @Nested
    class ChangesBetweenPages {

        private ListProjectsResponse page(
                CodeBuildClient codeBuild,
                ProjectSortByType sortBy,
                SortOrderType sortOrder,
                String token) {
            return codeBuild.listProjects(
                    r -> r.sortBy(sortBy).sortOrder(sortOrder).nextToken(token));
        }

        private List<String> rest(
                CodeBuildClient codeBuild,
                ProjectSortByType sortBy,
                SortOrderType sortOrder,
                String token) {
            List<String> names = new ArrayList<>();
            while (token != null) {
                var page = page(codeBuild, sortBy, sortOrder, token);
                names.addAll(page.projects());
                token = page.nextToken();
            }
            return names;
        }

        @Test
        void projectsAddedBetweenPagesByNameNeitherRepeatNorHideOthers(CodeBuildClient codeBuild) {
            var first = page(codeBuild, null, null, null);
            codeBuild.createProject(minimal("p050a").build());
            codeBuild.createProject(minimal("p150a").build());

            List<String> rest = rest(codeBuild, null, null, first.nextToken());

            List<String> expected = new ArrayList<>(byName.subList(100, COUNT));
            expected.add(expected.indexOf("p150") + 1, "p150a");
            assertThat(first.projects()).containsExactlyElementsOf(byName.subList(0, 100));
            assertThat(rest).containsExactlyElementsOf(expected);
        }

        @Test
        void aProjectCreatedBetweenPagesComesLastByCreationTime(CodeBuildClient codeBuild) {
            var first = page(codeBuild, ProjectSortByType.CREATED_TIME, null, null);
            codeBuild.createProject(minimal("a-new-one").build());

            List<String> rest =
                    rest(codeBuild, ProjectSortByType.CREATED_TIME, null, first.nextToken());

            List<String> expected = new ArrayList<>(byCreation.subList(100, COUNT));
            expected.add("a-new-one");
            assertThat(rest).containsExactlyElementsOf(expected);
        }

        @Test
        void aProjectCreatedBetweenPagesNewestFirstIsNotOnLaterPages(CodeBuildClient codeBuild) {
            var first =
                    page(codeBuild, ProjectSortByType.CREATED_TIME, SortOrderType.DESCENDING, null);
            codeBuild.createProject(minimal("a-new-one").build());

            List<String> rest =
                    rest(
                            codeBuild,
                            ProjectSortByType.CREATED_TIME,
                            SortOrderType.DESCENDING,
                            first.nextToken());

            assertThat(rest)
                    .containsExactlyElementsOf(
                            expected(ProjectSortByType.CREATED_TIME, SortOrderType.DESCENDING)
                                    .subList(100, COUNT));
        }

        @Test
        void deletingTheLastProjectOfAPageHidesNoOther(CodeBuildClient codeBuild) {
            var first = page(codeBuild, ProjectSortByType.LAST_MODIFIED_TIME, null, null);
            String lastShown = first.projects().get(99);
            String nextUp = byModification.get(100);
            codeBuild.deleteProject(r -> r.name(lastShown));
            codeBuild.deleteProject(r -> r.name(nextUp));

            List<String> rest =
                    rest(codeBuild, ProjectSortByType.LAST_MODIFIED_TIME, null, first.nextToken());

            assertThat(lastShown).isEqualTo(byModification.get(99));
            assertThat(rest).containsExactlyElementsOf(byModification.subList(101, COUNT));
        }

        @Test
        void aProjectUpdatedBetweenPagesComesAgainByLastModifiedTime(CodeBuildClient codeBuild) {
            // Its sort key changed: the listing shows where it is now, as a fresh listing would.
            var first = page(codeBuild, ProjectSortByType.LAST_MODIFIED_TIME, null, null);
            String touched = first.projects().get(0);
            codeBuild.updateProject(r -> r.name(touched).description("touched"));

            List<String> rest =
                    rest(codeBuild, ProjectSortByType.LAST_MODIFIED_TIME, null, first.nextToken());

            List<String> expected = new ArrayList<>(byModification.subList(100, COUNT));
            expected.add(touched);
            assertThat(rest).containsExactlyElementsOf(expected);
        }
    }
}
