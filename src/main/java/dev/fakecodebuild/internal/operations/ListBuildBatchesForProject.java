package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.Page;
import java.util.function.Predicate;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectResponse;

/**
 * {@code ListBuildBatchesForProject}: the ids of a project's build batches, newest first unless
 * asked otherwise, optionally only those with one status, a page at a time.
 *
 * <p>Batches are ordered by {@code buildBatchNumber}, their creation order. AWS documents the order
 * as "by identifier", but identifiers end in a random UUID, so that order would mean nothing to a
 * caller; the fake uses creation order instead.
 */
final class ListBuildBatchesForProject extends Operation<ListBuildBatchesForProjectRequest> {

    static final String NAME = "ListBuildBatchesForProject";
    private static final int DEFAULT_MAX_RESULTS = 100;

    private final CodeBuildModel model;

    ListBuildBatchesForProject(CodeBuildModel model) {
        super(
                NAME,
                ListBuildBatchesForProjectRequest.class,
                ListBuildBatchesForProjectRequest::builder);
        this.model = model;
    }

    /** The model leaves projectName optional, but there is no listing without a project. */
    @Override
    protected Validation rules(ListBuildBatchesForProjectRequest request) {
        return new Validation().required("projectName", request.projectName());
    }

    @Override
    protected ListBuildBatchesForProjectResponse handle(ListBuildBatchesForProjectRequest request) {
        String status = request.filter() == null ? null : request.filter().statusAsString();

        String project = request.projectName();
        if (model.project(project).isEmpty()) {
            throw projectNotFound(project);
        }
        Listing listing =
                Listing.of(
                        NAME,
                        project,
                        status == null ? null : "filter status " + status,
                        request.sortOrderAsString(),
                        request.nextToken());
        int maxResults = request.maxResults() == null ? DEFAULT_MAX_RESULTS : request.maxResults();
        Predicate<BuildBatch> filter =
                batch -> status == null || status.equals(batch.buildBatchStatusAsString());

        Page<BuildBatch> page =
                model.buildBatchesOf(
                                project, listing.ascending(), listing.after(), filter, maxResults)
                        .orElseThrow(() -> projectNotFound(project));
        return ListBuildBatchesForProjectResponse.builder()
                .ids(page.items().stream().map(BuildBatch::id).toList())
                .nextToken(
                        page.continueAfter() == null
                                ? null
                                : listing.nextToken(page.continueAfter()))
                .build();
    }

    private ServiceException projectNotFound(String project) {
        return ServiceException.projectNotFound(model.arns().project(project));
    }
}
