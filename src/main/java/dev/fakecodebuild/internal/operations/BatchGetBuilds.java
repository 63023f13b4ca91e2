package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsResponse;
import software.amazon.awssdk.services.codebuild.model.Build;

/**
 * {@code BatchGetBuilds}: the builds with the given ids, in the order asked, and the ids that name
 * no build in {@code buildsNotFound}, as sent.
 *
 * <p>An id asked for twice is answered once, at its first place: AWS does not document duplicates,
 * and one answer per build is what a caller collecting builds by id expects.
 */
final class BatchGetBuilds extends Operation<BatchGetBuildsRequest> {

    static final String NAME = "BatchGetBuilds";

    private final CodeBuildModel model;

    BatchGetBuilds(CodeBuildModel model) {
        super(NAME, BatchGetBuildsRequest.class, BatchGetBuildsRequest::builder);
        this.model = model;
    }

    /**
     * An empty id list is refused with the text CodeBuild is seen to answer it with (through the
     * Ruby SDK), alone, instead of the model's length message.
     */
    @Override
    protected Validation rules(BatchGetBuildsRequest request) {
        if (request.hasIds() && request.ids().isEmpty()) {
            throw ServiceException.invalidInput("The input build ID list cannot be empty.");
        }
        return new Validation();
    }

    @Override
    protected BatchGetBuildsResponse handle(BatchGetBuildsRequest request) {
        List<Build> builds = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String id : new LinkedHashSet<>(request.ids())) {
            Optional<Build> build = model.readBuild(id);
            if (build.isPresent()) {
                builds.add(build.get());
            } else {
                notFound.add(id);
            }
        }
        return BatchGetBuildsResponse.builder().builds(builds).buildsNotFound(notFound).build();
    }
}
