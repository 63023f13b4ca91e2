package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.codebuild.model.ListProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.ListProjectsResponse;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectSortByType;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;

/**
 * {@code ListProjects}: the names of every project, 100 a page, sorted by name, creation time or
 * last modification time.
 *
 * <p>AWS documents no default sort; the fake sorts by {@code NAME}, {@code ASCENDING}, when the
 * request leaves them out. Names compare by their characters' codes (digits, then upper case, then
 * lower case). Projects with equal times follow their names. {@code DESCENDING} reverses the whole
 * order, ties included.
 *
 * <p>The {@code nextToken} carries the sort key and the name of the last project returned, so a
 * project added or deleted between two pages neither repeats nor hides another. Leaving {@code
 * sortBy} or {@code sortOrder} out of a call with a token continues in the token's; giving another
 * one is refused.
 */
final class ListProjects extends Operation<ListProjectsRequest> {

    static final String NAME = "ListProjects";
    private static final int PAGE_SIZE = 100;

    /** How the listing names its sort key in the token's filter words. */
    private static final String SORT_BY = "with sortBy ";

    private final CodeBuildModel model;

    ListProjects(CodeBuildModel model) {
        super(NAME, ListProjectsRequest.class, ListProjectsRequest::builder);
        this.model = model;
    }

    @Override
    protected ListProjectsResponse handle(ListProjectsRequest request) {
        String token = request.nextToken();
        boolean firstPage = token == null || token.isEmpty();
        ProjectSortByType sortBy =
                request.sortBy() != null
                        ? request.sortBy()
                        : tokenSortBy(firstPage ? null : token).orElse(ProjectSortByType.NAME);
        String sortOrder =
                request.sortOrder() == null && firstPage
                        ? SortOrderType.ASCENDING.toString()
                        : request.sortOrderAsString();
        Listing listing = Listing.of(NAME, null, SORT_BY + sortBy, sortOrder, token);
        Comparator<SortKey> order =
                listing.ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
        SortKey after =
                listing.afterKey() == null ? null : SortKey.parse(sortBy, listing.afterKey());

        List<SortKey> rest =
                model.projects().stream()
                        .map(project -> SortKey.of(sortBy, project))
                        .filter(key -> after == null || order.compare(key, after) > 0)
                        .sorted(order)
                        .toList();
        List<SortKey> page = rest.subList(0, Math.min(PAGE_SIZE, rest.size()));
        return ListProjectsResponse.builder()
                .projects(page.stream().map(SortKey::name).toList())
                .nextToken(
                        rest.size() > PAGE_SIZE
                                ? listing.nextToken(page.get(page.size() - 1).encode(sortBy))
                                : null)
                .build();
    }

    /** The sort key a token of this operation was issued for, if it is such a token. */
    private static Optional<ProjectSortByType> tokenSortBy(String token) {
        return Optional.ofNullable(token)
                .flatMap(PageToken::decode)
                .filter(decoded -> decoded.operation().equals(NAME))
                .map(PageToken::filter)
                .filter(filter -> filter.startsWith(SORT_BY))
                .map(filter -> ProjectSortByType.fromValue(filter.substring(SORT_BY.length())));
    }

    /**
     * Where a project stands in a listing: the time it is sorted by (0 when sorted by name), then
     * its name.
     */
    private record SortKey(long time, String name) implements Comparable<SortKey> {

        private static final Comparator<SortKey> ORDER =
                Comparator.comparingLong(SortKey::time).thenComparing(SortKey::name);

        static SortKey of(ProjectSortByType sortBy, Project project) {
            return new SortKey(millis(timeOf(sortBy, project)), project.name());
        }

        private static Instant timeOf(ProjectSortByType sortBy, Project project) {
            return switch (sortBy) {
                case CREATED_TIME -> project.created();
                case LAST_MODIFIED_TIME -> project.lastModified();
                default -> null;
            };
        }

        private static long millis(Instant time) {
            return time == null ? 0 : time.toEpochMilli();
        }

        /** The key as the token carries it: the name, after the time in milliseconds if any. */
        String encode(ProjectSortByType sortBy) {
            return sortBy == ProjectSortByType.NAME ? name : time + " " + name;
        }

        static SortKey parse(ProjectSortByType sortBy, String encoded) {
            if (sortBy == ProjectSortByType.NAME) {
                return new SortKey(0, encoded);
            }
            int space = encoded.indexOf(' ');
            try {
                return new SortKey(
                        Long.parseLong(encoded.substring(0, space)), encoded.substring(space + 1));
            } catch (NumberFormatException | IndexOutOfBoundsException notAKey) {
                throw ServiceException.invalidInput(
                        "Invalid nextToken: pass a token unchanged from an earlier "
                                + NAME
                                + " response");
            }
        }

        @Override
        public int compareTo(SortKey other) {
            return ORDER.compare(this, other);
        }
    }
}
