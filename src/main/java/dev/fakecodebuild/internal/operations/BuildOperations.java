package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import java.util.List;

/**
 * The operations on builds: StartBuild, BatchGetBuilds, ListBuilds, ListBuildsForProject,
 * StopBuild, BatchDeleteBuilds and RetryBuild.
 */
final class BuildOperations {

    private BuildOperations() {}

    static List<Operation<?>> on(CodeBuildModel model) {
        return List.of(
                new StartBuild(model),
                new BatchGetBuilds(model),
                new ListBuilds(model),
                new ListBuildsForProject(model),
                new StopBuild(model),
                new BatchDeleteBuilds(model),
                new RetryBuild(model));
    }
}
