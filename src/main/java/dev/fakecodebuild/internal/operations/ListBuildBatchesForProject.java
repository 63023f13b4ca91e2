package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectResponse;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

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

    @Override
    protected ListBuildBatchesForProjectResponse handle(ListBuildBatchesForProjectRequest request) {
        String status = request.filter() == null ? null : request.filter().statusAsString();
        new Validation()
                .required("projectName", request.projectName())
                .minLength("projectName", request.projectName(), 1)
                .range("maxResults", request.maxResults(), 1, 100)
                .oneOf("sortOrder", request.sortOrderAsString(), SortOrderType.knownValues())
                .oneOf("filter.status", status, StatusType.knownValues())
                .check();

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
