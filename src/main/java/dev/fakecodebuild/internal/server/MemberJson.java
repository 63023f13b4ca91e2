package dev.fakecodebuild.internal.server;

import software.amazon.awssdk.core.SdkField;

/**
 * One member's value written as it travels on the wire, for messages that show a request's members
 * next to its body: the same text, in the same encoding, as the fake's own answers.
 */
public final class MemberJson {

    private MemberJson() {}

    /**
     * Write a member's value as JSON.
     *
     * @param field the member, from the SDK's {@code sdkFields()}
     * @param value its value, as {@link SdkField#getValueOrDefault(Object)} returns it
     * @return for example {@code "main"}, {@code 60} or {@code [{"name":"A","value":"1"}]}
     */
    public static String of(SdkField<?> field, Object value) {
        StringBuilder out = new StringBuilder();
        AwsJsonCodec.encodeValue(out, field, value);
        return out.toString();
    }
}
