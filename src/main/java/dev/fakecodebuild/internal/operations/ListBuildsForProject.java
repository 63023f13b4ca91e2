package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.Page;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.ListBuildsForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildsForProjectResponse;

/**
 * {@code ListBuildsForProject}: the ids of one project's builds by {@code buildNumber}, newest
 * first unless asked otherwise, 100 a page.
 *
 * <p>AWS refuses a {@code sortOrder} sent together with a {@code nextToken} ("Sort order can't be
 * specified when passing a nextToken"), which breaks the SDK paginators, since they repeat the
 * first request's {@code sortOrder} on every page. The fake accepts the first page's {@code
 * sortOrder} repeated and refuses only a different one, as its other listings do.
 */
final class ListBuildsForProject extends Operation<ListBuildsForProjectRequest> {

    static final String NAME = "ListBuildsForProject";

    private final CodeBuildModel model;

    ListBuildsForProject(CodeBuildModel model) {
        super(NAME, ListBuildsForProjectRequest.class, ListBuildsForProjectRequest::builder);
        this.model = model;
    }

    @Override
    protected ListBuildsForProjectResponse handle(ListBuildsForProjectRequest request) {
        String project = request.projectName();
        if (model.project(project).isEmpty()) {
            throw projectNotFound(project);
        }
        Listing listing =
                Listing.of(NAME, project, null, request.sortOrderAsString(), request.nextToken());

        Page<Build> page =
                model.buildsOf(project, listing.ascending(), listing.after(), ListBuilds.PAGE_SIZE)
                        .orElseThrow(() -> projectNotFound(project));
        return ListBuildsForProjectResponse.builder()
                .ids(page.items().stream().map(Build::id).toList())
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
