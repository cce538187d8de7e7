package org.cskpi.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.web.testing.Browser;
import org.cskpi.web.testing.WholeApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/openapi.json} against the whole app (WebApp.create): every {@code /api/} route
 * Javalin has registered is in the document, and every operation of the document is a route.
 */
class OpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final WholeApp whole = new WholeApp();
    private final Javalin app = whole.app;

    @AfterEach
    void tearDown() {
        whole.close();
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/org/cskpi/web/api/openapi.json")) {
            assertThat(in).as("openapi.json on the class path").isNotNull();
            return JSON.readTree(in);
        }
    }

    /** "GET /api/kpis" for each operation of the document. */
    private static Set<String> documented(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey()))
                .forEach(op -> operations.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** "GET /api/kpis" for each HTTP route under /api/ that the app registered (before/after handlers are not routes). */
    private Set<String> registered() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod() && endpoint.path.startsWith("/api/"))
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void every_api_route_of_the_app_is_documented_and_every_documented_operation_is_a_route() throws Exception {
        Set<String> registered = registered();
        assertThat(registered).contains("GET /api/kpis", "POST /api/invitations", "GET /api/openapi.json");
        assertThat(documented(document())).isEqualTo(registered);
    }

    @Test
    void it_is_openapi_3_1_and_every_error_is_the_one_error_shape() throws Exception {
        JsonNode document = document();
        assertThat(document.get("openapi").asText()).startsWith("3.1.");
        List<String> loose = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey()))
                .forEach(op -> op.getValue().get("responses").properties().stream()
                        .filter(response -> response.getKey().compareTo("400") >= 0)
                        .filter(response -> !response.getValue().toString().contains("#/components/"))
                        .forEach(response -> loose.add(op.getKey() + " " + path.getKey() + " " + response.getKey()))));
        assertThat(loose).as("error responses not built on components").isEmpty();
        JsonNode error = document.at("/components/schemas/Error/properties/error/properties");
        assertThat(fieldNames(error)).containsExactly("status", "code", "message");
        for (String name : List.of("BadRequest", "Unauthorized", "NotFound", "ServerError")) {
            assertThat(document.at("/components/responses/" + name).toString()).as(name).contains("#/components/schemas/Error");
        }
    }

    @Test
    void the_kpis_parameters_are_the_ones_the_api_reads() throws Exception {
        JsonNode kpis = document().at("/paths/~1api~1kpis/get");
        assertThat(StreamSupport.stream(kpis.get("parameters").spliterator(), false).map(p -> p.get("name").asText()))
                .containsExactlyInAnyOrder("week", "from", "to", "breakdown");
        JsonNode breakdown = StreamSupport.stream(kpis.get("parameters").spliterator(), false)
                .filter(p -> p.get("name").asText().equals("breakdown")).findFirst().orElseThrow();
        assertThat(StreamSupport.stream(breakdown.at("/schema/enum").spliterator(), false).map(JsonNode::asText))
                .containsExactlyElementsOf(Arrays.stream(Breakdown.values()).map(Breakdown::storedName).toList());
        assertThat(kpis.toString()).contains("at most " + KpiRequest.MAX_WEEKS + " weeks");
    }

    @Test
    void the_document_is_served_to_anyone_as_json_while_the_data_still_needs_the_key() throws Exception {
        JavalinTest.test(app, (server, client) -> {
            Browser anonymous = new Browser(server.port());
            HttpResponse<String> served = anonymous.get("/api/openapi.json");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(JSON.readTree(served.body())).isEqualTo(document());
            assertThat(anonymous.get("/api/kpis").statusCode()).isEqualTo(401);
            assertThat(anonymous.get("/api/openapi.json/../kpis").statusCode()).isEqualTo(401);
        });
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
