package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildBatchFilter;

/**
 * One page of build batch ids, as ListBuildBatches and ListBuildBatchesForProject return it:
 * optionally only the batches with one status, newest first unless asked otherwise, continued by a
 * stateless {@code nextToken} (see {@link Listing}).
 *
 * @param ids the ids of the page, in listing order
 * @param nextToken the token of the next page, or {@code null} on the last page
 */
record BuildBatchListing(List<String> ids, String nextToken) {

    /** The page size when the request sets none; AWS does not document its default. */
    static final int DEFAULT_MAX_RESULTS = 100;

    /**
     * Read one page.
     *
     * @param model the model to read
     * @param operation the operation name, which the tokens carry
     * @param project the project whose batches to list, in {@code buildBatchNumber} order, or
     *     {@code null} for the batches of every project in the order they were created
     * @param filter the request's filter, or {@code null}
     * @param maxResults the request's page size, or {@code null}
     * @param sortOrder the request's sort order, or {@code null}
     * @param nextToken the request's token, or {@code null}
     * @return the page, or empty if there is no such project
     * @throws ServiceException an {@code InvalidInputException} for a token this listing did not
     *     issue
     */
    static Optional<BuildBatchListing> page(
            CodeBuildModel model,
            String operation,
            String project,
            BuildBatchFilter filter,
            Integer maxResults,
            String sortOrder,
            String nextToken) {
        String status = filter == null ? null : filter.statusAsString();
        Listing listing =
                Listing.of(
                        operation,
                        project,
                        status == null ? "without a status filter" : "with filter status " + status,
                        sortOrder,
                        nextToken);
        int limit = maxResults == null ? DEFAULT_MAX_RESULTS : maxResults;
        Predicate<BuildBatch> matches =
                batch -> status == null || status.equals(batch.buildBatchStatusAsString());

        Optional<Page<BuildBatch>> page =
                model.buildBatchesOf(project, listing.ascending(), listing.after(), matches, limit);
        return page.map(
                found ->
                        new BuildBatchListing(
                                found.items().stream().map(BuildBatch::id).toList(),
                                found.continueAfter() == null
                                        ? null
                                        : listing.nextToken(found.continueAfter())));
    }
}
