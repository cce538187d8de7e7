package org.cskpi.web.api;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of {@code /api/}, kept as the
 * resource file {@code openapi.json} beside this class and served as it is, read once. A file
 * rather than code that builds it: it is reviewed as the contract it is, and {@code OpenApiTest}
 * holds it to the routes Javalin registered, both ways. Public: it describes the calls, not data.
 */
final class OpenApiDocument {

    static final String PATH = "/api/openapi.json";

    private final byte[] json;

    OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the class path beside " + OpenApiDocument.class);
            }
            this.json = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(json);
    }
}
