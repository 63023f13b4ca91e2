package dev.fakecodebuild.internal.operations;

import java.util.Objects;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;

/**
 * Where a paged listing stands: its sort order and the number it continues after, taken from the
 * request and the {@code nextToken} it carries, with the checks that keep a token to the listing
 * that issued it.
 */
final class Listing {

    private final PageToken scope;
    private final Long after;

    private Listing(PageToken scope, Long after) {
        this.scope = scope;
        this.after = after;
    }

    /**
     * Read where a listing stands.
     *
     * @param operation the operation name
     * @param project the project listed, or {@code null} for a listing across projects
     * @param filterStatus the status filter, or {@code null}
     * @param sortOrder the sort order the request asked for, or {@code null}
     * @param nextToken the token the request carried, or {@code null}
     * @throws ServiceException an {@code InvalidInputException} if the token was not issued by this
     *     listing, or asks for another sort order
     */
    static Listing of(
            String operation,
            String project,
            String filterStatus,
            String sortOrder,
            String nextToken) {
        String projectScope = Objects.requireNonNullElse(project, "");
        String statusScope = Objects.requireNonNullElse(filterStatus, "");
        // An empty token is what the SDK itself treats as "no more pages"; read it as none.
        if (nextToken == null || nextToken.isEmpty()) {
            String order =
                    Objects.requireNonNullElse(sortOrder, SortOrderType.DESCENDING.toString());
            return new Listing(new PageToken(operation, projectScope, statusScope, order, 0), null);
        }
        PageToken token =
                PageToken.decode(nextToken)
                        .filter(decoded -> decoded.operation().equals(operation))
                        .orElseThrow(
                                () ->
                                        ServiceException.invalidInput(
                                                "Invalid nextToken: pass a token unchanged from an earlier "
                                                        + operation
                                                        + " response"));
        if (!token.project().equals(projectScope) || !token.filterStatus().equals(statusScope)) {
            throw ServiceException.invalidInput(
                    "Invalid nextToken: it was issued for "
                            + describe(token.project(), token.filterStatus())
                            + ", not for "
                            + describe(projectScope, statusScope));
        }
        if (sortOrder != null && !sortOrder.equals(token.sortOrder())) {
            throw ServiceException.invalidInput(
                    "Invalid nextToken: it was issued for sortOrder "
                            + token.sortOrder()
                            + "; repeat that sortOrder with the token, or leave sortOrder out");
        }
        return new Listing(token, token.after());
    }

    private static String describe(String project, String filterStatus) {
        String where = project.isEmpty() ? "every project" : "project '" + project + "'";
        return where
                + (filterStatus.isEmpty()
                        ? " without a status filter"
                        : " with filter status " + filterStatus);
    }

    boolean ascending() {
        return scope.sortOrder().equals(SortOrderType.ASCENDING.toString());
    }

    /** The number to continue after, or {@code null} on the first page. */
    Long after() {
        return after;
    }

    String nextToken(long lastNumberReturned) {
        return new PageToken(
                        scope.operation(),
                        scope.project(),
                        scope.filterStatus(),
                        scope.sortOrder(),
                        lastNumberReturned)
                .encode();
    }
}
