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
    private final String after;

    private Listing(PageToken scope, String after) {
        this.scope = scope;
        this.after = after;
    }

    /**
     * Read where a listing stands.
     *
     * @param operation the operation name
     * @param project the project listed, or {@code null} for a listing across projects
     * @param filter the filter or sort key of the listing in words, as error messages show it, such
     *     as {@code with filter status FAILED}, or {@code null} for a listing that has none
     * @param sortOrder the sort order the request asked for, or {@code null}
     * @param nextToken the token the request carried, or {@code null}
     * @throws ServiceException an {@code InvalidInputException} if the token was not issued by this
     *     listing, or asks for another sort order
     */
    static Listing of(
            String operation, String project, String filter, String sortOrder, String nextToken) {
        String projectScope = Objects.requireNonNullElse(project, "");
        String filterScope = Objects.requireNonNullElse(filter, "");
        // An empty token is what the SDK itself treats as "no more pages"; read it as none.
        if (nextToken == null || nextToken.isEmpty()) {
            String order =
                    Objects.requireNonNullElse(sortOrder, SortOrderType.DESCENDING.toString());
            return new Listing(
                    new PageToken(operation, projectScope, filterScope, order, ""), null);
        }
        PageToken token =
                PageToken.decode(nextToken)
                        .filter(decoded -> decoded.operation().equals(operation))
                        .orElseThrow(
                                () ->
                                        ServiceException.invalidInput(
                                                "Invalid nextToken: pass a token unchanged"
                                                        + " from an earlier "
                                                        + operation
                                                        + " response"));
        if (!token.project().equals(projectScope) || !token.filter().equals(filterScope)) {
            throw ServiceException.invalidInput(
                    "Invalid nextToken: it was issued for "
                            + describe(token.project(), token.filter())
                            + ", not for "
                            + describe(projectScope, filterScope));
        }
        if (sortOrder != null && !sortOrder.equals(token.sortOrder())) {
            throw ServiceException.invalidInput(
                    "Invalid nextToken: it was issued for sortOrder "
                            + token.sortOrder()
                            + "; repeat that sortOrder with the token, or leave sortOrder out");
        }
        return new Listing(token, token.after());
    }

    private static String describe(String project, String filter) {
        String where = project.isEmpty() ? "every project" : "project '" + project + "'";
        return filter.isEmpty() ? where : where + " " + filter;
    }

    boolean ascending() {
        return scope.sortOrder().equals(SortOrderType.ASCENDING.toString());
    }

    /**
     * The number to continue after, or {@code null} on the first page.
     *
     * @throws ServiceException an {@code InvalidInputException} if the token holds no number
     */
    Long after() {
        if (after == null) {
            return null;
        }
        try {
            return Long.valueOf(after);
        } catch (NumberFormatException notANumber) {
            throw ServiceException.invalidInput(
                    "Invalid nextToken: pass a token unchanged from an earlier "
                            + scope.operation()
                            + " response");
        }
    }

    /** The key to continue after, or {@code null} on the first page. */
    String afterKey() {
        return after;
    }

    String nextToken(long lastNumberReturned) {
        return nextToken(Long.toString(lastNumberReturned));
    }

    String nextToken(String lastKeyReturned) {
        return new PageToken(
                        scope.operation(),
                        scope.project(),
                        scope.filter(),
                        scope.sortOrder(),
                        lastKeyReturned)
                .encode();
    }
}
