package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awssdk.services.codebuild.model.BatchDeleteBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchDeleteBuildsResponse;
import software.amazon.awssdk.services.codebuild.model.BuildNotDeleted;

/**
 * {@code BatchDeleteBuilds}: deletes the finished builds among the given ids and reports the
 * others.
 *
 * <p>{@code buildsDeleted} holds the ARNs of the deleted builds, and {@code buildsNotDeleted} a
 * build still running by its ARN with {@code BUILD_IN_PROGRESS}, as CodeBuild's documented example
 * shows. An id that names no build is reported there as sent, with {@code BUILD_NOT_FOUND}: AWS
 * does not document that case. An id sent twice is handled once. A project's build numbers are
 * never given out again after a delete.
 */
final class BatchDeleteBuilds extends Operation<BatchDeleteBuildsRequest> {

    static final String NAME = "BatchDeleteBuilds";

    private final CodeBuildModel model;

    BatchDeleteBuilds(CodeBuildModel model) {
        super(NAME, BatchDeleteBuildsRequest.class, BatchDeleteBuildsRequest::builder);
        this.model = model;
    }

    @Override
    protected BatchDeleteBuildsResponse handle(BatchDeleteBuildsRequest request) {
        var result = model.deleteBuilds(List.copyOf(new LinkedHashSet<>(request.ids())));

        List<BuildNotDeleted> notDeleted =
                result.notDeleted().entrySet().stream()
                        .map(
                                entry ->
                                        BuildNotDeleted.builder()
                                                .id(entry.getKey())
                                                .statusCode(entry.getValue())
                                                .build())
                        .toList();
        return BatchDeleteBuildsResponse.builder()
                .buildsDeleted(result.deleted())
                .buildsNotDeleted(notDeleted)
                .build();
    }
}
