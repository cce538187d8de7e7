package org.cskpi.web.query;

import java.util.List;
import org.apache.spark.sql.connect.SparkSession;
import org.apache.spark.sql.connect.client.RetryPolicy;
import org.apache.spark.sql.connect.client.SparkConnectClient;
import org.cskpi.config.CskpiConfig;
import scala.jdk.javaapi.CollectionConverters;

/** Spark Connect sessions on the SQL service, as {@code /query} and {@code cskpi sql} open them. */
final class ConnectSessions {

    private ConnectSessions() {
    }

    /**
     * A session of {@code user} (the service runs each user's queries in a scheduler pool of
     * their own), sending {@code token}. No retries: the service is on this machine, and if it
     * is down the caller says so at once. Opening sends nothing yet.
     */
    static SparkSession open(CskpiConfig.SqlServer server, String token, String user) {
        SparkConnectClient client = SparkConnectClient.builder().connectionString(server.url())
                .interceptor(new BearerToken(token))
                .userId(user)
                .retryPolicy(CollectionConverters.asScala(List.<RetryPolicy>of()).toList())
                .build();
        return SparkSession.builder().client(client).create();
    }
}
