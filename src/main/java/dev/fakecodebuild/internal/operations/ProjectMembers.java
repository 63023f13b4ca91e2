package dev.fakecodebuild.internal.operations;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig;
import software.amazon.awssdk.services.codebuild.model.LogsConfig;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectBadge;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.S3LogsConfig;
import software.amazon.awssdk.services.codebuild.model.SourceType;

/**
 * What CreateProject and UpdateProject share: copying the members a request gave onto a project,
 * the defaults CodeBuild fills in, and the rules on source and artifacts that the service model
 * cannot express.
 */
final class ProjectMembers {

    /** The members of {@link Project} by name. */
    private static final Map<String, SdkField<?>> PROJECT_FIELDS =
            Project.builder().sdkFields().stream()
                    .collect(Collectors.toMap(SdkField::memberName, Function.identity()));

    private ProjectMembers() {}

    /**
     * Copy every member the request gave onto the project, where the project has a member of the
     * same name and kind. A member left out of the request (a {@code null}, or a list or map the
     * SDK constructed because it was never set) leaves the project's value alone; a list given,
     * even an empty one, replaces the project's list.
     *
     * <p>Copying by the SDK's member descriptions keeps up with members a newer SDK adds to both
     * shapes; request members without a project member of the same kind (such as {@code
     * badgeEnabled}) are the caller's to handle.
     *
     * @param request a CreateProject or UpdateProject request
     * @param project the project to change
     * @return {@code project}
     */
    static Project.Builder copyGiven(SdkPojo request, Project.Builder project) {
        for (SdkField<?> field : request.sdkFields()) {
            SdkField<?> target = PROJECT_FIELDS.get(field.memberName());
            if (target == null || !target.marshallingType().equals(field.marshallingType())) {
                continue;
            }
            Object value = field.getValueOrDefault(request);
            if (value != null
                    && !(value instanceof SdkAutoConstructList)
                    && !(value instanceof SdkAutoConstructMap)) {
                target.set(project, value);
            }
        }
        return project;
    }

    /**
     * Return the logs configuration CodeBuild stores for the one given: CloudWatch Logs {@code
     * ENABLED} and S3 logs {@code DISABLED} where the request left them out.
     *
     * @param given the configuration the request gave, or {@code null}
     * @return the configuration to store
     */
    static LogsConfig logsConfig(LogsConfig given) {
        LogsConfig.Builder logs = given == null ? LogsConfig.builder() : given.toBuilder();
        if (given == null || given.cloudWatchLogs() == null) {
            logs.cloudWatchLogs(
                    CloudWatchLogsConfig.builder().status(LogsConfigStatusType.ENABLED).build());
        }
        if (given == null || given.s3Logs() == null) {
            logs.s3Logs(S3LogsConfig.builder().status(LogsConfigStatusType.DISABLED).build());
        }
        return logs.build();
    }

    /**
     * Return the badge of a project created or updated with the given {@code badgeEnabled}.
     *
     * @param badgeEnabled the request's value, or {@code null}
     * @return {@code {badgeEnabled: true}} only if the request asked for it, else {@code
     *     {badgeEnabled: false}}
     */
    static ProjectBadge badge(Boolean badgeEnabled) {
        return ProjectBadge.builder().badgeEnabled(Boolean.TRUE.equals(badgeEnabled)).build();
    }

    /**
     * Check source and artifacts the way CodeBuild does beyond its service model.
     *
     * @param source the project's source, or {@code null}
     * @param artifacts the project's artifacts, or {@code null}
     * @throws ServiceException an {@code InvalidInputException} with CodeBuild's message if they do
     *     not go together
     */
    static void checkSourceAndArtifacts(ProjectSource source, ProjectArtifacts artifacts) {
        String sourceType = source == null ? null : source.typeAsString();
        String artifactsType = artifacts == null ? null : artifacts.typeAsString();
        boolean pipelineSource = SourceType.CODEPIPELINE.toString().equals(sourceType);
        boolean pipelineArtifacts = ArtifactsType.CODEPIPELINE.toString().equals(artifactsType);
        if (sourceType != null && artifactsType != null && pipelineSource != pipelineArtifacts) {
            // Observed on CodeBuild (cloudposse/terraform-aws-codebuild#23).
            throw ServiceException.invalidInput(
                    "Invalid input: when using CodePipeline both sourceType, and artifactType"
                            + " must be set to: CODEPIPELINE");
        }
        if (sourceType != null
                && !pipelineSource
                && !SourceType.NO_SOURCE.toString().equals(sourceType)
                && (source.location() == null || source.location().isEmpty())) {
            throw ServiceException.invalidInput("Project source location is required");
        }
        if (ArtifactsType.NO_ARTIFACTS.toString().equals(artifactsType)
                && artifacts.location() != null) {
            throw ServiceException.invalidInput(
                    "Invalid artifacts: artifact type NO_ARTIFACTS should have null location");
        }
    }
}
