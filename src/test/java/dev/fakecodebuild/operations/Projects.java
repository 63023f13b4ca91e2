package dev.fakecodebuild.operations;

import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.SourceType;

/** Project settings the project operation tests share. */
final class Projects {

    static final String SERVICE_ROLE = "arn:aws:iam::123456789012:role/codebuild-service-role";

    static final ProjectSource NO_SOURCE =
            ProjectSource.builder()
                    .type(SourceType.NO_SOURCE)
                    .buildspec("version: 0.2\nphases:\n  build:\n    commands:\n      - make\n")
                    .build();

    static final ProjectArtifacts NO_ARTIFACTS =
            ProjectArtifacts.builder().type(ArtifactsType.NO_ARTIFACTS).build();

    static final ProjectEnvironment LINUX_SMALL =
            ProjectEnvironment.builder()
                    .type(EnvironmentType.LINUX_CONTAINER)
                    .image("aws/codebuild/standard:7.0")
                    .computeType(ComputeType.BUILD_GENERAL1_SMALL)
                    .build();

    private Projects() {}

    /** A CreateProject request with only the members CodeBuild requires. */
    static CreateProjectRequest.Builder minimal(String name) {
        return CreateProjectRequest.builder()
                .name(name)
                .source(NO_SOURCE)
                .artifacts(NO_ARTIFACTS)
                .environment(LINUX_SMALL)
                .serviceRole(SERVICE_ROLE);
    }
}
