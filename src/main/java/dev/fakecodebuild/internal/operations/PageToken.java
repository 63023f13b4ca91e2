package dev.fakecodebuild.internal.operations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A stateless {@code nextToken}: everything needed to continue a listing travels inside it, so the
 * fake keeps no cursor and replaying a token gives the same page.
 *
 * <p>It records which listing it continues (operation, project, filter, sort order) and the number
 * of the last item returned, so an item added between two pages neither repeats nor hides an older
 * one. A checksum makes an altered token fail to decode instead of silently pointing somewhere
 * else.
 *
 * @param operation the operation that issued the token
 * @param project the project the listing is for, or {@code ""}
 * @param filter the filter or sort key of the listing, in words, or {@code ""}
 * @param sortOrder the sort order of the listing
 * @param after the key of the last item returned: a number, or for projects their sort key
 */
record PageToken(String operation, String project, String filter, String sortOrder, String after) {

    private static final String VERSION = "1";
    private static final int FIELDS = 6;

    String encode() {
        String payload = String.join("\n", VERSION, operation, project, filter, sortOrder, after);
        byte[] text = payload.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(text.length + Integer.BYTES);
        bytes.put(text).putInt(checksum(text));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /**
     * Decode a token sent back by a client.
     *
     * @return the token, or empty if it is not one this fake issued
     */
    static Optional<PageToken> decode(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length < Integer.BYTES) {
            return Optional.empty();
        }
        byte[] text = Arrays.copyOf(bytes, bytes.length - Integer.BYTES);
        int sent = ByteBuffer.wrap(bytes, text.length, Integer.BYTES).getInt();
        if (sent != checksum(text)) {
            return Optional.empty();
        }
        String[] fields = new String(text, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != FIELDS || !fields[0].equals(VERSION)) {
            return Optional.empty();
        }
        return Optional.of(new PageToken(fields[1], fields[2], fields[3], fields[4], fields[5]));
    }

    private static int checksum(byte[] text) {
        CRC32 crc = new CRC32();
        crc.update(text);
        return (int) crc.getValue();
    }
}
