package org.cskpi.batch.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.connect.proto.Command;
import org.apache.spark.connect.proto.CommonInlineUserDefinedFunction;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.KeyValue;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Project;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SQL;
import org.apache.spark.connect.proto.SqlCommand;
import org.apache.spark.connect.proto.WriteOperation;
import org.junit.jupiter.api.Test;

/** The gate in front of Spark Connect, on the messages a client sends. */
class ConnectGuardTest {

    private static final Relation QUERY = Relation.newBuilder().setSql(SQL.newBuilder().setQuery("SELECT 1")).build();

    private static ExecutePlanRequest execute(Plan plan) {
        return ExecutePlanRequest.newBuilder().setSessionId("s").setPlan(plan).build();
    }

    @Test
    void a_query_and_a_sql_statement_pass() {
        assertThat(ConnectGuard.refusal(execute(Plan.newBuilder().setRoot(QUERY).build()))).isNull();
        assertThat(ConnectGuard.refusal(execute(Plan.newBuilder()
                .setCommand(Command.newBuilder().setSqlCommand(SqlCommand.newBuilder().setSql("SELECT 1"))).build())))
                .isNull();
    }

    @Test
    void a_dataframe_write_and_a_function_registration_are_refused() {
        Command write = Command.newBuilder().setWriteOperation(WriteOperation.newBuilder().setInput(QUERY)
                .setPath("/tmp/out")).build();
        assertThat(ConnectGuard.refusal(execute(Plan.newBuilder().setCommand(write).build())))
                .contains("only queries run on this service").contains("WRITE_OPERATION");
        Command register = Command.newBuilder().setRegisterFunction(
                CommonInlineUserDefinedFunction.newBuilder().setFunctionName("f")).build();
        assertThat(ConnectGuard.refusal(execute(Plan.newBuilder().setCommand(register).build())))
                .contains("user-defined functions");
    }

    @Test
    void an_inline_function_deep_inside_a_query_is_refused() {
        Expression udf = Expression.newBuilder().setCommonInlineUserDefinedFunction(
                CommonInlineUserDefinedFunction.newBuilder().setFunctionName("evil")).build();
        Relation project = Relation.newBuilder().setProject(Project.newBuilder().setInput(QUERY).addExpressions(udf)).build();
        assertThat(ConnectGuard.refusal(execute(Plan.newBuilder().setRoot(project).build())))
                .contains("user-defined functions");
    }

    @Test
    void only_the_allowed_settings_can_be_set_and_read_only_by_name_and_never_a_secret() {
        ConfigRequest set = ConfigRequest.newBuilder().setSessionId("s").setOperation(ConfigRequest.Operation.newBuilder()
                .setSet(ConfigRequest.Set.newBuilder().addPairs(KeyValue.newBuilder()
                        .setKey("spark.sql.runSQLOnFiles").setValue("true")))).build();
        assertThat(ConnectGuard.refusal(set)).contains("setting spark.sql.runSQLOnFiles is not allowed");
        ConfigRequest zone = ConfigRequest.newBuilder().setSessionId("s").setOperation(ConfigRequest.Operation.newBuilder()
                .setSet(ConfigRequest.Set.newBuilder().addPairs(KeyValue.newBuilder()
                        .setKey("spark.sql.session.timeZone").setValue("Europe/Oslo")))).build();
        assertThat(ConnectGuard.refusal(zone)).isNull();
        ConfigRequest all = ConfigRequest.newBuilder().setSessionId("s").setOperation(ConfigRequest.Operation.newBuilder()
                .setGetAll(ConfigRequest.GetAll.newBuilder())).build();
        assertThat(ConnectGuard.refusal(all)).contains("listing the settings is not allowed");
        ConfigRequest token = ConfigRequest.newBuilder().setSessionId("s").setOperation(ConfigRequest.Operation.newBuilder()
                .setGetOption(ConfigRequest.GetOption.newBuilder().addKeys("spark.connect.authenticate.token"))).build();
        assertThat(ConnectGuard.refusal(token)).contains("reading spark.connect.authenticate.token is not allowed");
        ConfigRequest timeZone = ConfigRequest.newBuilder().setSessionId("s").setOperation(ConfigRequest.Operation.newBuilder()
                .setGet(ConfigRequest.Get.newBuilder().addKeys("spark.sql.session.timeZone"))).build();
        assertThat(ConnectGuard.refusal(timeZone)).isNull();
    }

    @Test
    void a_query_is_capped_at_the_row_limit_plus_one_and_a_command_is_not() {
        ExecutePlanRequest capped = new ConnectGuard(500).capped(execute(Plan.newBuilder().setRoot(QUERY).build()));
        assertThat(capped.getPlan().getRoot().getLimit().getLimit()).isEqualTo(501);
        assertThat(capped.getPlan().getRoot().getLimit().getInput()).isEqualTo(QUERY);
        ExecutePlanRequest statement = execute(Plan.newBuilder()
                .setCommand(Command.newBuilder().setSqlCommand(SqlCommand.newBuilder().setSql("SET x"))).build());
        assertThat(new ConnectGuard(500).capped(statement)).isSameAs(statement);
    }
}
