package org.cskpi.batch.sqlserver;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SQL;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc.SparkConnectServiceBlockingStub;
import org.apache.spark.connect.proto.UserContext;
import org.apache.spark.sql.classic.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import org.sparkproject.connect.grpc.ManagedChannel;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.netty.NettyChannelBuilder;
import org.sparkproject.connect.grpc.stub.MetadataUtils;

/**
 * One Spark Connect session of one user, over the wire as the web app's client sends it (a
 * user id in every request, the token in the {@code authorization} header), built on the
 * server's own gRPC and protocol classes: the JVM client cannot share a JVM with the server.
 */
final class ConnectClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final SparkConnectServiceBlockingStub stub;
    private final String userId;
    private final String sessionId = UUID.randomUUID().toString();

    private ConnectClient(ManagedChannel channel, SparkConnectServiceBlockingStub stub, String userId) {
        this.channel = channel;
        this.stub = stub;
        this.userId = userId;
    }

    static ConnectClient to(int port, String token, String userId) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        SparkConnectServiceBlockingStub stub = SparkConnectServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        return new ConnectClient(channel, stub, userId);
    }

    /** The service's session this client's requests run in. */
    SparkSession session() {
        return SparkConnectService$.MODULE$.getOrCreateIsolatedSession(userId, sessionId, scala.Option.empty()).session();
    }

    /** Runs {@code query} and reads its whole answer; a failure is the server's StatusRuntimeException. */
    void sql(String query) {
        ExecutePlanRequest request = ExecutePlanRequest.newBuilder()
                .setSessionId(sessionId)
                .setUserContext(UserContext.newBuilder().setUserId(userId))
                .setPlan(Plan.newBuilder().setRoot(Relation.newBuilder().setSql(SQL.newBuilder().setQuery(query))))
                .build();
        stub.executePlan(request).forEachRemaining(response -> { });
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
