package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.operations.Constraint.All;
import dev.fakecodebuild.internal.operations.Constraint.Check;
import dev.fakecodebuild.internal.operations.Constraint.Each;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Constraints written per shape, compiled against the SDK's field metadata ({@link SdkField}) of
 * the shapes a request reaches, then applied by walking the request through that metadata.
 *
 * <h2>Compiling</h2>
 *
 * <p>The requests are the written shapes whose class is an {@link SdkRequest}. A request type is
 * compiled once, when a request of it is first checked: from it the compiler follows structure and
 * list members to every shape reachable and keeps, per class, the members that have a constraint or
 * lead to one. Compiling lazily matters: the first use of an SDK model class builds its field
 * metadata, and doing that for every shape of every operation costs most of a second, which a test
 * run that uses one operation should not pay.
 *
 * <p>The table refuses, with an {@link IllegalStateException}: a shape or a member written twice,
 * as soon as it is made; a member its shape does not have, a check on a member of a type it cannot
 * apply to (a range on a string, an {@code each} on a structure), and a map or a list of lists,
 * which the walk does not know, when a request that reaches them is compiled; and a shape no
 * request reaches, in {@link #verify()}, which compiles every request at once for a test.
 *
 * <h2>Walking</h2>
 *
 * <p>A member's path is its wire name, after its structure's path and a dot; an element of a list
 * is written the way AWS writes it, one-based: {@code environmentVariablesOverride.2.member.name},
 * {@code ids.1.member}. Within a structure, the checks of its own members come first, in the SDK's
 * field order, then the structures and list elements inside it, in the same order, each walked
 * whole before the next. An element of a list that is {@code null} violates {@code required}: the
 * model's lists are not sparse.
 */
final class ConstraintTable {

    private final Map<Class<?>, Shape> written;
    private final Map<Class<?>, ShapePlan> requestPlans = new ConcurrentHashMap<>();

    private ConstraintTable(Map<Class<?>, Shape> written) {
        this.written = written;
    }

    /**
     * Write the constraints of one structure.
     *
     * @param type the SDK's class of the shape; naming it loads the class without setting up its
     *     field metadata
     * @param members the members that have constraints
     * @return the shape's entry in a table
     */
    static Shape shape(Class<? extends SdkPojo> type, Member... members) {
        return new Shape(type, List.of(members));
    }

    /**
     * Write the constraints of one member.
     *
     * @param name the member's wire name, as in the service model
     * @param constraints its constraints, in the order they are checked
     * @return the member's entry in a shape
     */
    static Member member(String name, Constraint... constraints) {
        return new Member(name, List.of(constraints));
    }

    /** One structure's entry in the table. */
    record Shape(Class<? extends SdkPojo> type, List<Member> members) {}

    /** One member's entry in a structure. */
    record Member(String name, List<Constraint> constraints) {}

    /**
     * Make a table of written shapes.
     *
     * @param shapes the written shapes; those whose class is a request are where walks begin
     * @return the table, compiled request by request as requests are checked
     * @throws IllegalStateException if a shape, or a member of one, is written twice
     */
    static ConstraintTable of(List<Shape> shapes) {
        Map<Class<?>, Shape> written = new LinkedHashMap<>();
        for (Shape shape : shapes) {
            if (written.put(shape.type(), shape) != null) {
                throw new IllegalStateException(shape.type().getSimpleName() + " is written twice");
            }
            Set<String> names = new HashSet<>();
            for (Member member : shape.members()) {
                if (!names.add(member.name())) {
                    throw new IllegalStateException(
                            shape.type().getSimpleName()
                                    + "."
                                    + member.name()
                                    + " is written twice");
                }
            }
        }
        return new ConstraintTable(Collections.unmodifiableMap(written));
    }

    /**
     * Compile every request of the table at once, and check that every written shape is reached
     * from one; for a test, so that a mistake in the table shows before a request meets it.
     *
     * @throws IllegalStateException if the table does not fit the SDK's shapes; see the class
     *     description for every case
     */
    void verify() {
        Compiler compiler = new Compiler(written);
        for (Class<?> type : written.keySet()) {
            if (covers(type)) {
                compiler.plan(type, newBuilder(type).sdkFields());
            }
        }
        for (Class<?> type : written.keySet()) {
            if (!compiler.plans.containsKey(type)) {
                throw new IllegalStateException(
                        type.getSimpleName()
                                + " is written but no request in the table reaches it");
            }
        }
    }

    private static SdkPojo newBuilder(Class<?> requestType) {
        try {
            return (SdkPojo) requestType.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create a builder of " + requestType, e);
        }
    }

    /**
     * Tell whether the table has constraints for a request type.
     *
     * @param requestType a request class
     * @return whether the table was written for it
     */
    boolean covers(Class<?> requestType) {
        return written.containsKey(requestType) && SdkRequest.class.isAssignableFrom(requestType);
    }

    /**
     * Check a request and note every violation.
     *
     * @param request a request of a type the table {@linkplain #covers(Class) covers}
     * @param validation where violations are noted, after those already there
     * @throws IllegalArgumentException if the table was not written for the request's type
     * @throws IllegalStateException if the request's type is checked for the first time and the
     *     table does not fit the shapes it reaches; see the class description
     */
    void check(SdkPojo request, Validation validation) {
        Class<?> type = request.getClass();
        if (!covers(type)) {
            throw new IllegalArgumentException(
                    "No input constraints are written for "
                            + type.getSimpleName()
                            + "; add its shape to the table first");
        }
        ShapePlan plan =
                requestPlans.computeIfAbsent(
                        type, unused -> new Compiler(written).plan(type, request.sdkFields()));
        walk(plan, request, "", validation);
    }

    private static void walk(ShapePlan plan, SdkPojo pojo, String prefix, Validation validation) {
        List<MemberPlan> members = plan.members();
        Object[] values = new Object[members.size()];
        for (int i = 0; i < values.length; i++) {
            MemberPlan member = members.get(i);
            values[i] = valueOf(member.field(), pojo);
            for (Check check : member.onValue()) {
                check.check(validation, prefix + member.name(), values[i]);
            }
        }
        // A structure's own members before what lies inside them: the order in which
        // ListBuildBatchesForProject has always reported projectName, ..., then filter.status.
        for (int i = 0; i < values.length; i++) {
            descend(members.get(i), values[i], prefix + members.get(i).name(), validation);
        }
    }

    private static void descend(
            MemberPlan member, Object value, String path, Validation validation) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                String elementPath = path + "." + (i + 1) + ".member";
                validation.required(elementPath, element);
                for (Check check : member.onElement()) {
                    check.check(validation, elementPath, element);
                }
                if (member.nested() != null && element instanceof SdkPojo structure) {
                    walk(member.nested(), structure, elementPath + ".", validation);
                }
            }
        } else if (member.nested() != null && value instanceof SdkPojo structure) {
            walk(member.nested(), structure, path + ".", validation);
        }
    }

    /** The SDK stands in an empty list for one the request left out; the model sees none. */
    private static Object valueOf(SdkField<?> field, SdkPojo pojo) {
        Object value = field.getValueOrDefault(pojo);
        return value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap
                ? null
                : value;
    }

    private static Class<?> typeBuiltBy(SdkPojo builder) {
        return ((SdkBuilder<?, ?>) builder).build().getClass();
    }

    /** The members of one class worth a look, in the SDK's field order. */
    private record ShapePlan(List<MemberPlan> members) {}

    /**
     * One member worth a look.
     *
     * @param nested the plan of the structure it holds, or of each element, if it has one
     */
    private record MemberPlan(
            SdkField<?> field,
            String name,
            List<Check> onValue,
            List<Check> onElement,
            ShapePlan nested) {}

    /** Builds the plans of the classes reachable from the requests, each once. */
    private static final class Compiler {

        private final Map<Class<?>, Shape> written;
        private final Map<Class<?>, ShapePlan> plans = new HashMap<>();
        private final Set<Class<?>> inProgress = new HashSet<>();

        Compiler(Map<Class<?>, Shape> written) {
            this.written = written;
        }

        ShapePlan plan(Class<?> type, List<SdkField<?>> fields) {
            ShapePlan known = plans.get(type);
            if (known != null) {
                return known;
            }
            if (!inProgress.add(type)) {
                throw new IllegalStateException(
                        type.getSimpleName() + " contains itself, which the walk does not follow");
            }
            Map<String, List<Constraint>> constraints = membersOf(type);
            List<MemberPlan> members = new ArrayList<>();
            for (SdkField<?> field : fields) {
                List<Constraint> ofMember = constraints.remove(field.locationName());
                MemberPlan member =
                        planMember(type, field, ofMember == null ? List.of() : ofMember);
                if (member != null) {
                    members.add(member);
                }
            }
            if (!constraints.isEmpty()) {
                throw new IllegalStateException(
                        type.getSimpleName()
                                + " has no member "
                                + constraints.keySet()
                                + "; its members are "
                                + fields.stream().map(SdkField::locationName).toList());
            }
            ShapePlan plan = new ShapePlan(List.copyOf(members));
            inProgress.remove(type);
            plans.put(type, plan);
            return plan;
        }

        private Map<String, List<Constraint>> membersOf(Class<?> type) {
            Map<String, List<Constraint>> members = new LinkedHashMap<>();
            Shape shape = written.get(type);
            if (shape != null) {
                for (Member member : shape.members()) {
                    members.put(member.name(), member.constraints());
                }
            }
            return members;
        }

        /** Return the member's plan, or {@code null} if it has nothing to check. */
        private MemberPlan planMember(
                Class<?> owner, SdkField<?> field, List<Constraint> constraints) {
            String where = owner.getSimpleName() + "." + field.locationName();
            List<Check> onValue = new ArrayList<>();
            List<Check> onElement = new ArrayList<>();
            for (Constraint constraint : constraints) {
                flatten(constraint, onValue, onElement, false, where);
            }
            MarshallingType<?> type = field.marshallingType();
            SdkField<?> inner = field;
            if (type == MarshallingType.LIST) {
                inner = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            } else if (!onElement.isEmpty()) {
                throw new IllegalStateException(where + " is not a list, so it has no elements");
            }
            MarshallingType<?> innerType = inner.marshallingType();
            if (type == MarshallingType.MAP
                    || innerType == MarshallingType.LIST
                    || innerType == MarshallingType.MAP) {
                throw new IllegalStateException(
                        where + " is a map or a list of lists, which the walk does not know");
            }
            requireFit(onValue, type, where);
            requireFit(onElement, innerType, where + " (each element)");
            ShapePlan nested = null;
            if (innerType == MarshallingType.SDK_POJO) {
                SdkPojo builder = inner.constructor().get();
                nested = plan(typeBuiltBy(builder), builder.sdkFields());
            }
            boolean worthALook =
                    !onValue.isEmpty()
                            || type == MarshallingType.LIST
                            || (nested != null && !nested.members().isEmpty());
            return worthALook
                    ? new MemberPlan(
                            field,
                            field.locationName(),
                            List.copyOf(onValue),
                            List.copyOf(onElement),
                            nested)
                    : null;
        }

        private static void flatten(
                Constraint constraint,
                List<Check> onValue,
                List<Check> onElement,
                boolean inEach,
                String where) {
            if (constraint instanceof Check check) {
                (inEach ? onElement : onValue).add(check);
            } else if (constraint instanceof All all) {
                for (Constraint inner : all.constraints()) {
                    flatten(inner, onValue, onElement, inEach, where);
                }
            } else if (constraint instanceof Each each) {
                if (inEach) {
                    throw new IllegalStateException(
                            where + " has an each within an each; no member is a list of lists");
                }
                for (Constraint inner : each.constraints()) {
                    flatten(inner, onValue, onElement, true, where);
                }
            }
        }

        private static void requireFit(List<Check> checks, MarshallingType<?> type, String where) {
            for (Check check : checks) {
                if (!check.fits(type)) {
                    throw new IllegalStateException(
                            check + " does not apply to " + where + ", a " + type + " member");
                }
            }
        }
    }
}
