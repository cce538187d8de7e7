package org.cskpi.batch.sqlserver;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.SparkEnv;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.KeyValue;
import org.apache.spark.connect.proto.Limit;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Relation;
import org.sparkproject.connect.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;
import org.sparkproject.connect.protobuf.Descriptors.FieldDescriptor;
import org.sparkproject.connect.protobuf.Message;

/**
 * The SQL service's gate in front of Spark Connect (docs/sql-server.md#security-model), for
 * what never becomes a Spark plan the read-only check could see:
 * <ul>
 *   <li>no artifacts (class files, jars, files) can be uploaded;
 *   <li>an execute request is a query or a SQL statement, never another command (writes,
 *       function registration, ML, streaming, checkpoints);
 *   <li>no plan carries user code: inline Scala/Java/Python functions, table functions or
 *       data sources are refused before the server deserialises them;
 *   <li>configuration is set only for {@link ReadOnlyCheck#SETTABLE}, and read by name except
 *       for secrets (the token among them); it is never listed whole;
 *   <li>a query's result is capped at {@code spark.cskpi.sqlServer.maxRows} rows plus one, the
 *       extra row telling the client that more rows exist.
 * </ul>
 * Spark Connect creates it by class name ({@code spark.connect.grpc.interceptor.classes}).
 */
public final class ConnectGuard implements ServerInterceptor {

    static final String MAX_ROWS = "spark.cskpi.sqlServer.maxRows";
    private static final String SERVICE = "spark.connect.SparkConnectService/";
    private static final Set<String> NO_UPLOADS = Set.of(SERVICE + "AddArtifacts", SERVICE + "ArtifactStatus");
    private static final Set<String> USER_CODE = Set.of(
            "spark.connect.CommonInlineUserDefinedFunction", "spark.connect.CommonInlineUserDefinedTableFunction",
            "spark.connect.CommonInlineUserDefinedDataSource", "spark.connect.MlRelation");

    private final int maxRows;

    public ConnectGuard() {
        this(SparkEnv.get().conf().getInt(MAX_ROWS, 100_000));
    }

    ConnectGuard(int maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                      ServerCallHandler<Q, A> next) {
        if (NO_UPLOADS.contains(call.getMethodDescriptor().getFullMethodName())) {
            call.close(Status.PERMISSION_DENIED.withDescription("Refused: this service takes no uploaded code or files."),
                    new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                String why = refusal(message);
                if (why != null) {
                    refused = true;
                    call.close(Status.PERMISSION_DENIED.withDescription("Refused: " + why + "."), new Metadata());
                    return;
                }
                super.onMessage(capped(message));
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }
        };
    }

    /** Why {@code message} is refused, or null when it may go on. */
    static String refusal(Object message) {
        if (message instanceof Message proto && carriesUserCode(proto)) {
            return "user-defined functions and data sources are not allowed; use Spark SQL's built-in functions";
        }
        if (message instanceof ExecutePlanRequest execute && execute.getPlan().hasCommand()
                && !execute.getPlan().getCommand().hasSqlCommand()) {
            return "only queries run on this service; the "
                    + execute.getPlan().getCommand().getCommandTypeCase() + " command is not one";
        }
        if (message instanceof ConfigRequest config) {
            return configRefusal(config.getOperation());
        }
        return null;
    }

    /** What looks like a secret by its name, as Spark's own redaction matches it. */
    private static final Pattern SECRET = Pattern.compile("(?i)secret|password|token|credential|access[.]?key");

    private static String configRefusal(ConfigRequest.Operation operation) {
        return switch (operation.getOpTypeCase()) {
            case SET -> settingRefusal(operation.getSet().getPairsList().stream().map(KeyValue::getKey).toList());
            case UNSET -> settingRefusal(operation.getUnset().getKeysList());
            case GET -> readingRefusal(operation.getGet().getKeysList());
            case GET_WITH_DEFAULT -> readingRefusal(operation.getGetWithDefault().getPairsList().stream()
                    .map(KeyValue::getKey).toList());
            case GET_OPTION -> readingRefusal(operation.getGetOption().getKeysList());
            case GET_ALL -> "listing the settings is not allowed; read a setting by its name";
            default -> null;
        };
    }

    private static String settingRefusal(List<String> keys) {
        for (String key : keys) {
            if (!ReadOnlyCheck.SETTABLE.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                return "setting " + key + " is not allowed; settable here: " + String.join(", ", ReadOnlyCheck.SETTABLE);
            }
        }
        return null;
    }

    private static String readingRefusal(List<String> keys) {
        for (String key : keys) {
            if (SECRET.matcher(key).find()) {
                return "reading " + key + " is not allowed: it holds a secret";
            }
        }
        return null;
    }

    /** Whether {@code message} or anything inside it is one of the {@link #USER_CODE} messages. */
    static boolean carriesUserCode(Message message) {
        if (USER_CODE.contains(message.getDescriptorForType().getFullName())) {
            return true;
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            Iterable<?> values = field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
            for (Object value : values) {
                if (value instanceof Message inner && carriesUserCode(inner)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A query's plan with at most {@code maxRows + 1} rows; anything else as it came. */
    @SuppressWarnings("unchecked")
    <Q> Q capped(Q message) {
        if (message instanceof ExecutePlanRequest execute && execute.getPlan().hasRoot()) {
            Relation limited = Relation.newBuilder()
                    .setLimit(Limit.newBuilder().setInput(execute.getPlan().getRoot()).setLimit(maxRows + 1))
                    .build();
            return (Q) execute.toBuilder().setPlan(Plan.newBuilder().setRoot(limited)).build();
        }
        return message;
    }
}
