package dev.fakecodebuild.internal.server;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Decodes AWS JSON 1.1 bodies into the SDK's model objects and encodes model objects back, driven
 * only by the field metadata ({@link SdkField}) the SDK generates for every shape.
 *
 * <p>No operation writes JSON by hand: every member gets its wire name from the SDK, so a new
 * operation is right on the wire as soon as it returns the SDK's response object. Rules of the
 * protocol it follows: members left unset are omitted; timestamps are epoch seconds with
 * milliseconds; blobs are base64; a JSON {@code null} means the member is absent; members the SDK
 * does not know are ignored, as AWS ignores them.
 */
final class AwsJsonCodec {

    /** Member name to field, per builder class; built once per class, then only read. */
    private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS = new ConcurrentHashMap<>();

    private AwsJsonCodec() {}

    /**
     * Fill a builder from a JSON object and build it.
     *
     * @param builder an empty builder, which is also the shape's {@link SdkPojo}
     * @param json the object read by {@link Json#read(String)}
     * @return the built object
     * @throws MalformedRequestException if a value does not fit its member
     */
    static Object decode(SdkPojo builder, Map<String, Object> json) {
        return decodeObject(builder, json, "");
    }

    private static Object decodeObject(SdkPojo builder, Map<String, Object> json, String path) {
        Map<String, SdkField<?>> fields =
                FIELDS.computeIfAbsent(builder.getClass(), type -> index(builder));
        for (Map.Entry<String, Object> member : json.entrySet()) {
            SdkField<?> field = fields.get(member.getKey());
            if (field != null && member.getValue() != null) {
                String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                field.set(builder, decodeValue(field, member.getValue(), memberPath));
            }
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static Map<String, SdkField<?>> index(SdkPojo pojo) {
        Map<String, SdkField<?>> byName = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            byName.put(field.unmarshallLocationName(), field);
        }
        return Map.copyOf(byName);
    }

    private static Object decodeValue(SdkField<?> field, Object json, String path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return expect(json, String.class, "a string", path);
        } else if (type == MarshallingType.BOOLEAN) {
            return expect(json, Boolean.class, "true or false", path);
        } else if (type == MarshallingType.INTEGER) {
            return (int) integer(json, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (type == MarshallingType.LONG) {
            return integer(json, path, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (type == MarshallingType.SHORT) {
            return (short) integer(json, path, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (type == MarshallingType.BYTE) {
            return (byte) integer(json, path, Byte.MIN_VALUE, Byte.MAX_VALUE);
        } else if (type == MarshallingType.DOUBLE) {
            return floatingPoint(json, path);
        } else if (type == MarshallingType.FLOAT) {
            return (float) floatingPoint(json, path);
        } else if (type == MarshallingType.BIG_DECIMAL) {
            return expect(json, BigDecimal.class, "a number", path);
        } else if (type == MarshallingType.INSTANT) {
            return instant(expect(json, BigDecimal.class, "epoch seconds", path), path);
        } else if (type == MarshallingType.SDK_BYTES) {
            return bytes(expect(json, String.class, "a base64 string", path), path);
        } else if (type == MarshallingType.SDK_POJO) {
            return decodeObject(field.constructor().get(), asObject(json, path), path);
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<?> array = expect(json, List.class, "an array", path);
            List<Object> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                Object element = array.get(i);
                list.add(
                        element == null
                                ? null
                                : decodeValue(member, element, path + "[" + i + "]"));
            }
            return list;
        } else if (type == MarshallingType.MAP) {
            SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            asObject(json, path)
                    .forEach(
                            (key, element) ->
                                    map.put(
                                            key,
                                            element == null
                                                    ? null
                                                    : decodeValue(
                                                            value, element, path + "." + key)));
            return map;
        }
        throw new MalformedRequestException(
                "Cannot read '" + path + "': the fake does not decode " + type + " members");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object json, String path) {
        return expect(json, Map.class, "an object", path);
    }

    private static <T> T expect(Object json, Class<T> type, String expected, String path) {
        if (!type.isInstance(json)) {
            throw new MalformedRequestException(
                    "Cannot read '" + path + "': expected " + expected + ", got " + describe(json));
        }
        return type.cast(json);
    }

    private static long integer(Object json, String path, long min, long max) {
        BigDecimal number = expect(json, BigDecimal.class, "an integer", path);
        try {
            long value = number.longValueExact();
            if (value >= min && value <= max) {
                return value;
            }
        } catch (ArithmeticException notAnExactLong) {
            // answered below, like a value out of range
        }
        throw new MalformedRequestException(
                "Cannot read '"
                        + path
                        + "': expected an integer from "
                        + min
                        + " to "
                        + max
                        + ", got "
                        + number);
    }

    /** AWS JSON carries the values JSON has no number for as strings, both ways. */
    private static double floatingPoint(Object json, String path) {
        if (json instanceof String special) {
            return switch (special) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> expect(json, BigDecimal.class, "a number", path).doubleValue();
            };
        }
        return expect(json, BigDecimal.class, "a number", path).doubleValue();
    }

    private static Instant instant(BigDecimal seconds, String path) {
        try {
            return Instant.ofEpochMilli(
                    seconds.movePointRight(3)
                            .setScale(0, java.math.RoundingMode.FLOOR)
                            .longValueExact());
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new MalformedRequestException(
                    "Cannot read '" + path + "': " + seconds + " is not a time");
        }
    }

    private static SdkBytes bytes(String base64, String path) {
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("Cannot read '" + path + "': not valid base64");
        }
    }

    private static String describe(Object json) {
        if (json instanceof String) {
            return "a string";
        } else if (json instanceof BigDecimal) {
            return "a number";
        } else if (json instanceof Boolean) {
            return json.toString();
        } else if (json instanceof List) {
            return "an array";
        }
        return "an object";
    }

    /**
     * Encode a model object as a JSON object.
     *
     * @param pojo a built model object, such as an operation's response
     * @return the JSON text
     */
    static String encode(SdkPojo pojo) {
        StringBuilder out = new StringBuilder(256);
        encodeObject(out, pojo);
        return out.toString();
    }

    private static void encodeObject(StringBuilder out, SdkPojo pojo) {
        out.append('{');
        boolean first = true;
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null
                    || value instanceof SdkAutoConstructList
                    || value instanceof SdkAutoConstructMap) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            Json.writeString(out, field.locationName());
            out.append(':');
            encodeValue(out, field, value);
        }
        out.append('}');
    }

    static void encodeValue(StringBuilder out, SdkField<?> field, Object value) {
        MarshallingType<?> type = field.marshallingType();
        if (value == null) {
            out.append("null");
        } else if (type == MarshallingType.STRING) {
            Json.writeString(out, (String) value);
        } else if (type == MarshallingType.INSTANT) {
            out.append(BigDecimal.valueOf(((Instant) value).toEpochMilli(), 3).toPlainString());
        } else if (type == MarshallingType.SDK_BYTES) {
            Json.writeString(
                    out, Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArray()));
        } else if (type == MarshallingType.SDK_POJO) {
            encodeObject(out, (SdkPojo) value);
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            out.append('[');
            boolean first = true;
            for (Object element : (List<?>) value) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                encodeValue(out, member, element);
            }
            out.append(']');
        } else if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                Json.writeString(out, entry.getKey().toString());
                out.append(':');
                encodeValue(out, member, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Double || value instanceof Float) {
            encodeFloatingPoint(out, ((Number) value).doubleValue());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalStateException("The fake does not encode " + type + " members");
        }
    }

    /** AWS JSON sends the values JSON has no number for as strings. */
    private static void encodeFloatingPoint(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("\"NaN\"");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        } else {
            out.append(value);
        }
    }
}
