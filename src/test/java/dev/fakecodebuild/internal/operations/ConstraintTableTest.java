package dev.fakecodebuild.internal.operations;

import static dev.fakecodebuild.internal.operations.Constraint.each;
import static dev.fakecodebuild.internal.operations.Constraint.minLength;
import static dev.fakecodebuild.internal.operations.Constraint.oneOf;
import static dev.fakecodebuild.internal.operations.Constraint.range;
import static dev.fakecodebuild.internal.operations.Constraint.required;
import static dev.fakecodebuild.internal.operations.ConstraintTable.member;
import static dev.fakecodebuild.internal.operations.ConstraintTable.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildRequest;
import software.amazon.awssdk.services.codebuild.model.Tag;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectRequest;

/** How a table of constraints is held to the SDK's shapes when it is compiled. */
class ConstraintTableTest {

    private static ConstraintTable table(ConstraintTable.Shape... shapes) {
        return ConstraintTable.of(List.of(shapes));
    }

    private static void verify(ConstraintTable.Shape... shapes) {
        table(shapes).verify();
    }

    @Test
    void theTableOfCodeBuildFitsTheSdk() {
        assertThatCode(InputConstraints::verifyTable).doesNotThrowAnyException();
    }

    @Test
    void aMemberTheShapeDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> verify(shape(StopBuildRequest.class, member("buildId"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("StopBuildRequest has no member [buildId]; its members are [id]");
    }

    @Test
    void aMistakeIsRefusedWhenARequestFirstMeetsIt() {
        ConstraintTable table = table(shape(StopBuildRequest.class, member("buildId")));
        var request = StopBuildRequest.builder().id("web-app:1").build();

        assertThatThrownBy(() -> table.check(request, new Validation()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("StopBuildRequest has no member [buildId]; its members are [id]");
    }

    @Test
    void aMisnamedMemberOfANestedShapeIsRefused() {
        assertThatThrownBy(
                        () ->
                                verify(
                                        shape(StopBuildRequest.class),
                                        shape(CreateProjectRequest.class),
                                        shape(Tag.class, member("Key", minLength(1)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Tag has no member [Key]; its members are [key, value]");
    }

    @Test
    void aShapeNoRequestReachesIsRefused() {
        assertThatThrownBy(
                        () ->
                                verify(
                                        shape(StopBuildRequest.class, member("id", required())),
                                        shape(ProjectSource.class, member("type", required()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ProjectSource is written but no request in the table reaches it");
    }

    @Test
    void aShapeWrittenTwiceIsRefused() {
        assertThatThrownBy(
                        () ->
                                table(
                                        shape(StopBuildRequest.class, member("id", required())),
                                        shape(StopBuildRequest.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("StopBuildRequest is written twice");
    }

    @Test
    void aMemberWrittenTwiceIsRefused() {
        assertThatThrownBy(
                        () ->
                                table(
                                        shape(
                                                StopBuildRequest.class,
                                                member("id", required()),
                                                member("id", minLength(1)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("StopBuildRequest.id is written twice");
    }

    @Test
    void aCheckOnAMemberOfTheWrongTypeIsRefused() {
        assertThatThrownBy(
                        () ->
                                verify(
                                        shape(
                                                UpdateProjectRequest.class,
                                                member("name", range(5, 480)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "Range[min=5, max=480] does not apply to UpdateProjectRequest.name,"
                                + " a String member");
        assertThatThrownBy(
                        () ->
                                verify(
                                        shape(
                                                BatchGetBuildsRequest.class,
                                                member("ids", oneOf(SortOrderType.knownValues())))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "OneOf[values=[ASCENDING, DESCENDING]] does not apply to"
                                + " BatchGetBuildsRequest.ids, a List member");
    }

    @Test
    void eachIsOnlyForLists() {
        assertThatThrownBy(
                        () ->
                                verify(
                                        shape(
                                                StopBuildRequest.class,
                                                member("id", each(minLength(1))))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("StopBuildRequest.id is not a list, so it has no elements");
        assertThatThrownBy(
                        () ->
                                verify(
                                        shape(
                                                BatchGetBuildsRequest.class,
                                                member("ids", each(each(minLength(1)))))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "BatchGetBuildsRequest.ids has an each within an each;"
                                + " no member is a list of lists");
    }

    @Test
    void aRequestOutsideTheTableIsRefused() {
        ConstraintTable table = table(shape(StopBuildRequest.class));

        assertThat(table.covers(StopBuildRequest.class)).isTrue();
        assertThat(table.covers(StartBuildRequest.class)).isFalse();
        assertThatThrownBy(() -> table.check(StartBuildRequest.builder().build(), new Validation()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "No input constraints are written for StartBuildRequest;"
                                + " add its shape to the table first");
    }

    @Test
    void aSharedShapeIsCheckedWhereverItIsReached() {
        ConstraintTable table =
                table(
                        shape(CreateProjectRequest.class),
                        shape(
                                ProjectSource.class,
                                member("type", Constraint.oneOf(List.of(SourceType.S3)))));
        var request =
                CreateProjectRequest.builder()
                        .source(s -> s.type(SourceType.GITHUB))
                        .secondarySources(
                                ProjectSource.builder().type(SourceType.S3).build(),
                                ProjectSource.builder().type("GIT").build())
                        .build();
        Validation validation = new Validation();

        table.check(request, validation);

        assertThatThrownBy(validation::check)
                .isInstanceOf(ServiceException.class)
                .hasMessage(
                        "2 validation errors detected: "
                                + "Value 'GITHUB' at 'source.type' failed to satisfy constraint:"
                                + " Member must satisfy enum value set: [S3]; "
                                + "Value 'GIT' at 'secondarySources.2.member.type' failed to"
                                + " satisfy constraint: Member must satisfy enum value set: [S3]");
    }
}
