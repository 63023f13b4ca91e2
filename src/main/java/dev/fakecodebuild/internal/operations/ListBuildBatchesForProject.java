package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
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
        String project = request.projectName();
        if (model.project(project).isEmpty()) {
            throw projectNotFound(project);
        }
        BuildBatchListing page =
                BuildBatchListing.page(
                                model,
                                NAME,
                                project,
                                request.filter(),
                                request.maxResults(),
                                request.sortOrderAsString(),
                                request.nextToken())
                        .orElseThrow(() -> projectNotFound(project));
        return ListBuildBatchesForProjectResponse.builder()
                .ids(page.ids())
                .nextToken(page.nextToken())
                .build();
    }

    private ServiceException projectNotFound(String project) {
        return ServiceException.projectNotFound(model.arns().project(project));
    }
}
