package dev.fakecodebuild.internal.operations;

import static dev.fakecodebuild.internal.operations.Overrides.first;

import java.util.List;
import java.util.StringJoiner;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.AutoRetryConfig;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildArtifacts;
import software.amazon.awssdk.services.codebuild.model.DebugSession;
import software.amazon.awssdk.services.codebuild.model.LogsConfig;
import software.amazon.awssdk.services.codebuild.model.LogsLocation;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;

/**
 * The settings a started build carries: the project's, with what the {@code StartBuild} request
 * overrides laid over them.
 *
 * <p>A member the request sets wins; a member it leaves out keeps the project's value. Lists the
 * request sends (secondary sources, their versions, secondary artifacts) replace the project's
 * whole, even when empty. Environment variables are merged by name: the project's come first in
 * their order with the request's value where it names the same variable, then the request's new
 * names in its order. Enum members are copied as the strings that were sent.
 *
 * <p>Where neither sets a value: {@code timeoutInMinutes} 60 and {@code queuedTimeoutInMinutes}
 * 480, CodeBuild's defaults; {@code encryptionKey} the account's default S3 key; {@code initiator}
 * is always {@link #INITIATOR}, since the fake does not know who signed the call.
 */
final class BuildSettings {

    /** The initiator of every build started through the API. */
    static final String INITIATOR = "fake-codebuild-user";

    static final int DEFAULT_TIMEOUT_IN_MINUTES = 60;
    static final int DEFAULT_QUEUED_TIMEOUT_IN_MINUTES = 480;

    private BuildSettings() {}

    /**
     * Lay a request's overrides over a project's settings.
     *
     * @param project the project to build
     * @param request the request, whose {@code projectName} names that project
     * @param defaultEncryptionKey the key to use when neither names one
     * @return the settings of the build to start, with its project name; no id, number or state
     */
    static Build of(Project project, StartBuildRequest request, String defaultEncryptionKey) {
        return Build.builder()
                .projectName(project.name())
                .source(Overrides.source(project.source(), sourceOverrides(request)))
                .sourceVersion(first(request.sourceVersion(), project.sourceVersion()))
                .secondarySources(
                        request.hasSecondarySourcesOverride()
                                ? request.secondarySourcesOverride()
                                : project.secondarySources())
                .secondarySourceVersions(
                        request.hasSecondarySourcesVersionOverride()
                                ? request.secondarySourcesVersionOverride()
                                : project.secondarySourceVersions())
                .artifacts(artifacts(first(request.artifactsOverride(), project.artifacts())))
                .secondaryArtifacts(secondaryArtifacts(project, request))
                .environment(
                        Overrides.environment(project.environment(), environmentOverrides(request)))
                .serviceRole(first(request.serviceRoleOverride(), project.serviceRole()))
                .timeoutInMinutes(
                        first(
                                request.timeoutInMinutesOverride(),
                                project.timeoutInMinutes(),
                                DEFAULT_TIMEOUT_IN_MINUTES))
                .queuedTimeoutInMinutes(
                        first(
                                request.queuedTimeoutInMinutesOverride(),
                                project.queuedTimeoutInMinutes(),
                                DEFAULT_QUEUED_TIMEOUT_IN_MINUTES))
                .cache(first(request.cacheOverride(), project.cache()))
                .logs(logs(first(request.logsConfigOverride(), project.logsConfig())))
                .encryptionKey(
                        first(
                                request.encryptionKeyOverride(),
                                project.encryptionKey(),
                                defaultEncryptionKey))
                .initiator(INITIATOR)
                .debugSession(
                        request.debugSessionEnabled() == null
                                ? null
                                : DebugSession.builder()
                                        .sessionEnabled(request.debugSessionEnabled())
                                        .build())
                .fileSystemLocations(project.fileSystemLocations())
                .vpcConfig(project.vpcConfig())
                .autoRetryConfig(
                        autoRetry(
                                first(request.autoRetryLimitOverride(), project.autoRetryLimit())))
                .build();
    }

    private static List<BuildArtifacts> secondaryArtifacts(
            Project project, StartBuildRequest request) {
        if (request.hasSecondaryArtifactsOverride()) {
            return request.secondaryArtifactsOverride().stream()
                    .map(BuildSettings::artifacts)
                    .toList();
        }
        if (project.hasSecondaryArtifacts()) {
            return project.secondaryArtifacts().stream().map(BuildSettings::artifacts).toList();
        }
        return null;
    }

    private static Overrides.Source sourceOverrides(StartBuildRequest request) {
        return new Overrides.Source(
                request.sourceTypeOverrideAsString(),
                request.sourceLocationOverride(),
                request.sourceAuthOverride(),
                request.gitCloneDepthOverride(),
                request.gitSubmodulesConfigOverride(),
                request.buildspecOverride(),
                request.insecureSslOverride(),
                request.reportBuildStatusOverride(),
                request.buildStatusConfigOverride());
    }

    private static Overrides.Environment environmentOverrides(StartBuildRequest request) {
        return new Overrides.Environment(
                request.environmentTypeOverrideAsString(),
                request.imageOverride(),
                request.computeTypeOverrideAsString(),
                request.certificateOverride(),
                request.privilegedModeOverride(),
                request.imagePullCredentialsTypeOverrideAsString(),
                request.registryCredentialOverride(),
                request.fleetOverride(),
                request.hasEnvironmentVariablesOverride()
                        ? request.environmentVariablesOverride()
                        : null);
    }

    /**
     * What a build shows of the artifacts it was asked to make: for S3, the location as an S3 ARN
     * of bucket, path and name; for the other types an empty location, as CodeBuild shows them. The
     * ARN is always in the {@code aws} partition, and a {@code BUILD_ID} namespace does not add the
     * build id to it, since the build has no id yet.
     */
    private static BuildArtifacts artifacts(ProjectArtifacts artifacts) {
        if (artifacts == null) {
            return null;
        }
        String location = "";
        if (ArtifactsType.S3.toString().equals(artifacts.typeAsString())) {
            StringJoiner path = new StringJoiner("/", "arn:aws:s3:::", "");
            for (String part :
                    new String[] {artifacts.location(), artifacts.path(), artifacts.name()}) {
                if (part != null && !part.isEmpty()) {
                    path.add(part);
                }
            }
            location = path.toString();
        }
        return BuildArtifacts.builder()
                .location(location)
                .overrideArtifactName(artifacts.overrideArtifactName())
                .encryptionDisabled(artifacts.encryptionDisabled())
                .artifactIdentifier(artifacts.artifactIdentifier())
                .bucketOwnerAccess(artifacts.bucketOwnerAccessAsString())
                .build();
    }

    private static LogsLocation logs(LogsConfig config) {
        return config == null
                ? null
                : LogsLocation.builder()
                        .cloudWatchLogs(config.cloudWatchLogs())
                        .s3Logs(config.s3Logs())
                        .build();
    }

    private static AutoRetryConfig autoRetry(Integer limit) {
        return limit == null
                ? null
                : AutoRetryConfig.builder().autoRetryLimit(limit).autoRetryNumber(0).build();
    }
}
