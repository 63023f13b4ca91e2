package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.Page;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.ListBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildsResponse;

/**
 * {@code ListBuilds}: the ids of the builds of every project, newest first unless asked otherwise,
 * 100 a page.
 *
 * <p>Builds are ordered by when they were added or started. AWS documents the order as "by build
 * ID", but ids start with the project name and end in a random UUID, so that order would mean
 * nothing to a caller; users describe the real listing as newest first.
 */
final class ListBuilds extends Operation<ListBuildsRequest> {

    static final String NAME = "ListBuilds";

    /** CodeBuild returns at most 100 ids a page and has no member to ask for fewer. */
    static final int PAGE_SIZE = 100;

    private final CodeBuildModel model;

    ListBuilds(CodeBuildModel model) {
        super(NAME, ListBuildsRequest.class, ListBuildsRequest::builder);
        this.model = model;
    }

    @Override
    protected ListBuildsResponse handle(ListBuildsRequest request) {
        Listing listing =
                Listing.of(NAME, null, null, request.sortOrderAsString(), request.nextToken());

        Page<Build> page =
                model.buildsOf(null, listing.ascending(), listing.after(), PAGE_SIZE).orElseThrow();
        return ListBuildsResponse.builder()
                .ids(page.items().stream().map(Build::id).toList())
                .nextToken(
                        page.continueAfter() == null
                                ? null
                                : listing.nextToken(page.continueAfter()))
                .build();
    }
}
