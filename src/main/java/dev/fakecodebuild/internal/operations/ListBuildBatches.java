package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesResponse;

/**
 * {@code ListBuildBatches}: the ids of the build batches of every project, newest first unless
 * asked otherwise, optionally only those with one status, a page at a time.
 *
 * <p>Batches are ordered by when they were created (seeded, started), across projects. AWS
 * documents the order as "by identifier", which would mean nothing to a caller since identifiers
 * end in a random UUID.
 */
final class ListBuildBatches extends Operation<ListBuildBatchesRequest> {

    static final String NAME = "ListBuildBatches";

    private final CodeBuildModel model;

    ListBuildBatches(CodeBuildModel model) {
        super(NAME, ListBuildBatchesRequest.class, ListBuildBatchesRequest::builder);
        this.model = model;
    }

    @Override
    protected ListBuildBatchesResponse handle(ListBuildBatchesRequest request) {
        BuildBatchListing page =
                BuildBatchListing.page(
                                model,
                                NAME,
                                null,
                                request.filter(),
                                request.maxResults(),
                                request.sortOrderAsString(),
                                request.nextToken())
                        .orElseThrow();
        return ListBuildBatchesResponse.builder()
                .ids(page.ids())
                .nextToken(page.nextToken())
                .build();
    }
}
