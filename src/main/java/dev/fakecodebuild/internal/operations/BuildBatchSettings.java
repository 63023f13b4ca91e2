package dev.fakecodebuild.internal.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.codebuild.model.BatchRestrictions;
import software.amazon.awssdk.services.codebuild.model.BuildArtifacts;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.CacheType;
import software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.LogsConfig;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectBuildBatchConfig;
import software.amazon.awssdk.services.codebuild.model.ProjectCache;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.S3LogsConfig;
import software.amazon.awssdk.services.codebuild.model.StartBuildBatchRequest;

/**
 * The settings a build batch starts with: its project's, with the overrides of the {@code
 * StartBuildBatch} request applied, and CodeBuild's defaults for what neither sets.
 *
 * <p>Each override replaces the project's value; environment variables are merged by name (an
 * override replaces the project's variable of that name in place, new names follow in the order
 * sent). Defaults, as the real start response shows them: build timeout 60 minutes, queued timeout
 * 480, the account's {@code aws/s3} KMS alias, no cache, CloudWatch logs on and S3 logs off, and a
 * batch configuration allowing 100 builds and 480 minutes.
 */
final class BuildBatchSettings {

    /** The initiator of every batch started through the fake: there is no IAM caller to name. */
    static final String INITIATOR = "fake-codebuild";

    static final int DEFAULT_BUILD_TIMEOUT_IN_MINUTES = 60;
    static final int DEFAULT_QUEUED_TIMEOUT_IN_MINUTES = 480;
    static final int DEFAULT_MAXIMUM_BUILDS_ALLOWED = 100;
    static final int DEFAULT_BATCH_TIMEOUT_IN_MINS = 480;

    private BuildBatchSettings() {}

    /**
     * Merge a project's settings with a request's overrides.
     *
     * @param project the project the batch runs for
     * @param request the start request
     * @param defaultEncryptionKey the KMS key to use when neither names one
     * @return a batch template: settings and project name, no id, number, times or status
     */
    static BuildBatch merge(
            Project project, StartBuildBatchRequest request, String defaultEncryptionKey) {
        return BuildBatch.builder()
                .projectName(request.projectName())
                .sourceVersion(or(request.sourceVersion(), project.sourceVersion()))
                .source(source(project.source(), request))
                .secondarySources(
                        request.hasSecondarySourcesOverride()
                                ? request.secondarySourcesOverride()
                                : List.copyOf(project.secondarySources()))
                .secondarySourceVersions(
                        request.hasSecondarySourcesVersionOverride()
                                ? request.secondarySourcesVersionOverride()
                                : List.copyOf(project.secondarySourceVersions()))
                .artifacts(artifacts(or(request.artifactsOverride(), project.artifacts())))
                .secondaryArtifacts(
                        (request.hasSecondaryArtifactsOverride()
                                        ? request.secondaryArtifactsOverride()
                                        : project.secondaryArtifacts())
                                .stream().map(BuildBatchSettings::artifacts).toList())
                .cache(or(request.cacheOverride(), project.cache(), noCache()))
                .environment(environment(project.environment(), request))
                .serviceRole(or(request.serviceRoleOverride(), project.serviceRole()))
                .logConfig(or(request.logsConfigOverride(), project.logsConfig(), defaultLogs()))
                .buildTimeoutInMinutes(
                        or(
                                request.buildTimeoutInMinutesOverride(),
                                project.timeoutInMinutes(),
                                DEFAULT_BUILD_TIMEOUT_IN_MINUTES))
                .queuedTimeoutInMinutes(
                        or(
                                request.queuedTimeoutInMinutesOverride(),
                                project.queuedTimeoutInMinutes(),
                                DEFAULT_QUEUED_TIMEOUT_IN_MINUTES))
                .encryptionKey(
                        or(
                                request.encryptionKeyOverride(),
                                project.encryptionKey(),
                                defaultEncryptionKey))
                .initiator(INITIATOR)
                .vpcConfig(project.vpcConfig())
                .fileSystemLocations(project.fileSystemLocations())
                .buildBatchConfig(
                        batchConfig(
                                or(request.buildBatchConfigOverride(), project.buildBatchConfig())))
                .debugSessionEnabled(request.debugSessionEnabled())
                .build();
    }

    private static ProjectSource source(ProjectSource project, StartBuildBatchRequest request) {
        boolean overridden =
                request.sourceTypeOverrideAsString() != null
                        || request.sourceLocationOverride() != null
                        || request.sourceAuthOverride() != null
                        || request.gitCloneDepthOverride() != null
                        || request.gitSubmodulesConfigOverride() != null
                        || request.buildspecOverride() != null
                        || request.insecureSslOverride() != null
                        || request.reportBuildBatchStatusOverride() != null;
        if (!overridden) {
            return project;
        }
        ProjectSource base = project == null ? ProjectSource.builder().build() : project;
        return base.toBuilder()
                .type(or(request.sourceTypeOverrideAsString(), base.typeAsString()))
                .location(or(request.sourceLocationOverride(), base.location()))
                .auth(or(request.sourceAuthOverride(), base.auth()))
                .gitCloneDepth(or(request.gitCloneDepthOverride(), base.gitCloneDepth()))
                .gitSubmodulesConfig(
                        or(request.gitSubmodulesConfigOverride(), base.gitSubmodulesConfig()))
                .buildspec(or(request.buildspecOverride(), base.buildspec()))
                .insecureSsl(or(request.insecureSslOverride(), base.insecureSsl()))
                .reportBuildStatus(
                        or(request.reportBuildBatchStatusOverride(), base.reportBuildStatus()))
                .build();
    }

    private static ProjectEnvironment environment(
            ProjectEnvironment project, StartBuildBatchRequest request) {
        boolean overridden =
                request.environmentTypeOverrideAsString() != null
                        || request.imageOverride() != null
                        || request.computeTypeOverrideAsString() != null
                        || request.certificateOverride() != null
                        || request.privilegedModeOverride() != null
                        || request.registryCredentialOverride() != null
                        || request.imagePullCredentialsTypeOverrideAsString() != null
                        || request.hasEnvironmentVariablesOverride();
        if (!overridden) {
            return project;
        }
        ProjectEnvironment base = project == null ? ProjectEnvironment.builder().build() : project;
        return base.toBuilder()
                .type(or(request.environmentTypeOverrideAsString(), base.typeAsString()))
                .image(or(request.imageOverride(), base.image()))
                .computeType(or(request.computeTypeOverrideAsString(), base.computeTypeAsString()))
                .certificate(or(request.certificateOverride(), base.certificate()))
                .privilegedMode(or(request.privilegedModeOverride(), base.privilegedMode()))
                .registryCredential(
                        or(request.registryCredentialOverride(), base.registryCredential()))
                .imagePullCredentialsType(
                        or(
                                request.imagePullCredentialsTypeOverrideAsString(),
                                base.imagePullCredentialsTypeAsString()))
                .environmentVariables(
                        variables(
                                base.environmentVariables(),
                                request.environmentVariablesOverride()))
                .build();
    }

    /** The project's variables with the overrides merged in by name. */
    private static List<EnvironmentVariable> variables(
            List<EnvironmentVariable> project, List<EnvironmentVariable> overrides) {
        Map<String, EnvironmentVariable> byName = new LinkedHashMap<>();
        for (EnvironmentVariable variable : project) {
            byName.put(variable.name(), variable);
        }
        for (EnvironmentVariable variable : overrides) {
            byName.put(variable.name(), variable);
        }
        return new ArrayList<>(byName.values());
    }

    /** What a build batch shows of the artifacts it was asked to produce. */
    private static BuildArtifacts artifacts(ProjectArtifacts artifacts) {
        if (artifacts == null) {
            return BuildArtifacts.builder().location("").build();
        }
        return BuildArtifacts.builder()
                .location(or(artifacts.location(), ""))
                .overrideArtifactName(artifacts.overrideArtifactName())
                .encryptionDisabled(artifacts.encryptionDisabled())
                .artifactIdentifier(artifacts.artifactIdentifier())
                .bucketOwnerAccess(artifacts.bucketOwnerAccessAsString())
                .build();
    }

    private static ProjectBuildBatchConfig batchConfig(ProjectBuildBatchConfig given) {
        ProjectBuildBatchConfig config =
                given == null ? ProjectBuildBatchConfig.builder().build() : given;
        BatchRestrictions restrictions =
                config.restrictions() == null
                        ? BatchRestrictions.builder().build()
                        : config.restrictions();
        return config.toBuilder()
                .restrictions(
                        restrictions.toBuilder()
                                .maximumBuildsAllowed(
                                        or(
                                                restrictions.maximumBuildsAllowed(),
                                                DEFAULT_MAXIMUM_BUILDS_ALLOWED))
                                .build())
                .timeoutInMins(or(config.timeoutInMins(), DEFAULT_BATCH_TIMEOUT_IN_MINS))
                .build();
    }

    private static ProjectCache noCache() {
        return ProjectCache.builder().type(CacheType.NO_CACHE).build();
    }

    private static LogsConfig defaultLogs() {
        return LogsConfig.builder()
                .cloudWatchLogs(
                        CloudWatchLogsConfig.builder().status(LogsConfigStatusType.ENABLED).build())
                .s3Logs(S3LogsConfig.builder().status(LogsConfigStatusType.DISABLED).build())
                .build();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <T> T or(T value, T fallback, T lastResort) {
        return or(value, or(fallback, lastResort));
    }
}
