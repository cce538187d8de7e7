package org.cskpi.batch.sqlserver;

import org.apache.spark.SparkContext;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SessionHolder;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import org.sparkproject.connect.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import org.sparkproject.connect.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;
import scala.Option;

/**
 * Puts every Spark Connect session into its user's scheduler pool ({@link UserPools}): before
 * an execute request reaches Spark Connect, the session it names (created here if it is new)
 * gets {@code spark.scheduler.pool} in its conf, and Spark SQL hands a session's
 * {@code spark.*} settings to every job of its queries as local properties. The user is the
 * request's {@code user_context.user_id}: the web app sends the analyst's name; it is not proof
 * of identity (anyone with the token may send any), it only decides whose share a query uses.
 * Analysts cannot change the setting: {@link ConnectGuard} and {@link ReadOnlyCheck} refuse it.
 * The same step brings the session's small-warehouse settings in line with the snapshot
 * served now ({@link SmallSnapshot}).
 *
 * <p>Listed before {@link ConnectGuard} in {@code spark.connect.grpc.interceptor.classes}, so it
 * runs after it (gRPC runs interceptors in reverse order) and sees only what the guard let
 * through. Spark's token check runs after both; a call it closed gets no session here.
 */
public final class UserPoolAssigner implements ServerInterceptor {

    private final UserPools pools;

    public UserPoolAssigner() {
        this(new UserPools(SparkContext.getOrCreate()));
    }

    UserPoolAssigner(UserPools pools) {
        this.pools = pools;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                      ServerCallHandler<Q, A> next) {
        ClosedWatch<Q, A> watched = new ClosedWatch<>(call);
        ServerCall.Listener<Q> listener = next.startCall(watched, headers);
        if (watched.closed) {
            return listener;
        }
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                if (message instanceof ExecutePlanRequest execute) {
                    assign(execute.getUserContext().getUserId(), execute.getSessionId());
                }
                super.onMessage(message);
            }
        };
    }

    private void assign(String userId, String sessionId) {
        SessionHolder holder;
        try {
            holder = SparkConnectService$.MODULE$.getOrCreateIsolatedSession(userId, sessionId, scala.Option.empty());
        } catch (RuntimeException e) {
            // A malformed or closed session: Spark Connect answers the request with the reason.
            return;
        }
        String pool = pools.poolFor(userId);
        if (!pool.equals(holder.session().conf().get(UserPools.POOL_PROPERTY, null))) {
            holder.session().conf().set(UserPools.POOL_PROPERTY, pool);
        }
        // The service's own session is the JVM's default one (SqlServer.start builds it).
        Option<SparkSession> service = SparkSession.getDefaultSession();
        SmallSnapshot.follow(holder.session().conf(), service.isDefined() && SmallSnapshot.isServed(service.get()));
    }

    /** Records whether the interceptors after this one closed the call (a missing or wrong token). */
    private static final class ClosedWatch<Q, A> extends SimpleForwardingServerCall<Q, A> {
        private volatile boolean closed;

        ClosedWatch(ServerCall<Q, A> call) {
            super(call);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            closed = true;
            super.close(status, trailers);
        }
    }
}
