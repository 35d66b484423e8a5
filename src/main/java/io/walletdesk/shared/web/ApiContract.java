package io.walletdesk.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * What {@code /v3/api-docs} promises, made true for every operation at once (issue 16): the failures every
 * operation can answer, as RFC 9457 problem+json with our extension members; the bearer scheme on exactly the
 * operations the security configuration closes to anonymous callers (asked of it, not listed here); a real
 * title, version, licence and server. Success statuses other than 200 and operation-specific failures are
 * annotated on the controllers; the Statuspage documents' schemas come from the status module.
 */
@Configuration(proxyBeanMethods = false)
class ApiContract {

    static final String PROBLEM = "Problem";
    static final String BEARER = "bearer";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("api-contract", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    @Bean
    OpenAPI walletDeskApi(@Value("${walletdesk.api.version:1.0.0}") String version,
            @Value("${walletdesk.public-base-url:}") String publicBaseUrl) {
        OpenAPI api = new OpenAPI()
                .info(new Info().title("WalletDesk API").version(version)
                        .description("""
                                The wallet and its customer support for the mobile app and partners (`/api/v1`), and \
                                the public service status in Atlassian Statuspage's format (`/api/v2`).

                                Every failure is `application/problem+json` (RFC 9457): `type` is `/problems/{code}` \
                                (a page explaining it), `code` the stable machine-readable code, `field` the request \
                                field, parameter or header it is about, `errors` each invalid field with a translated \
                                message. Titles and details follow `Accept-Language` (en, id, zh-CN).

                                Sign in with `POST /api/v1/auth/token` and send `Authorization: Bearer <accessToken>`. \
                                Money-moving calls need an `Idempotency-Key` header; a retry with the same key answers \
                                the original transaction.""")
                        .license(new License().name("Proprietary").identifier("LicenseRef-WalletDesk-Proprietary")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An access token from POST /api/v1/auth/token (15 minutes; refresh with "
                                        + "the refresh token)."))
                        .addSchemas(PROBLEM, problemSchema()));
        if (!publicBaseUrl.isBlank()) {
            api.servers(List.of(new Server().url(publicBaseUrl.replaceAll("/+$", "")).description("This WalletDesk")));
        }
        return api;
    }

    /**
     * Runs last, after module customizers: fills in what every operation shares. Operations keep what their
     * controllers or modules declared.
     */
    @Bean
    OpenApiCustomizer problemResponsesAndSecurity(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        return api -> {
            WebInvocationPrivilegeEvaluator doors = privileges.getIfAvailable();
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            Map<String, PathItem> sorted = new TreeMap<>(api.getPaths());
            sorted.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean secured = doors != null && !doors.isAllowed(null, concrete(path), method.name(), ANONYMOUS);
                document(path, operation, secured);
            }));
        };
    }

    /** The failures an operation can answer, from what it takes and whether it needs a token. */
    static void document(String path, Operation operation, boolean secured) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (secured) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            add(responses, "401", "No valid bearer token (`unauthenticated`).");
            add(responses, "403", "The token's user may not do this (`forbidden`), or the account is locked and "
                    + "only its support areas are open (`account-restricted`).");
        } else if (operation.getSecurity() == null) {
            operation.setSecurity(List.of()); // public: no credential needed
        }
        if (takesInput) {
            add(responses, "400", "A field, parameter or header is missing or invalid (`field` names it), or the body "
                    + "is not readable.");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing with this id, or not yours (`not-found`).");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is too large.");
            add(responses, "415", "The body's media type is not accepted here.");
        }
        add(responses, "406", "The Accept header excludes every media type this operation answers with.");
        add(responses, "503", "No database connection right now (`service-busy`); retry after `Retry-After` seconds.");
        add(responses, "default", "Any other failure, as problem+json.");
        // Every failure is problem+json (ApiProblemHandler, ErrorPages); springdoc gives annotated failures the
        // success body's type, which they never have.
        responses.forEach((code, response) -> {
            if (isFailure(code) && (response.getContent() == null
                    || !response.getContent().containsKey(Problems.PROBLEM_JSON.toString()))) {
                response.setContent(new Content().addMediaType(Problems.PROBLEM_JSON.toString(),
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            }
        });
    }

    static boolean isFailure(String code) {
        return code.equals("default") || code.startsWith("4") || code.startsWith("5");
    }

    private static void add(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        }
    }

    /** A path the security rules can be asked about: each template variable becomes a plain segment. */
    static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "1");
    }

    /** RFC 9457 problem details with the members WalletDesk adds; further members may appear. */
    static Schema<Object> problemSchema() {
        Schema<Object> fieldError = object().description("One invalid field and why.")
                .addProperty("field", string("The field's name.", null))
                .addProperty("message", string("Why it is invalid, in the caller's language.", null));
        fieldError.setRequired(List.of("field", "message"));
        Schema<Object> problem = object()
                .description("RFC 9457 problem details (application/problem+json).")
                .addProperty("type", string("`/problems/{code}`: a page that explains the failure.", "uri-reference"))
                .addProperty("title", string("Short summary in the caller's language.", null))
                .addProperty("status", new Schema<>().types(Set.of("integer")).format("int32").minimum(
                        java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status."))
                .addProperty("detail", string("What happened and what to do, in the caller's language.", null))
                .addProperty("instance", string("The request path.", "uri-reference"))
                .addProperty("code", string("Stable machine-readable code (the last segment of `type`).", null))
                .addProperty("field", string("The request field, parameter or header the failure is about.", null))
                .addProperty("errors", new Schema<>().types(Set.of("array")).items(fieldError)
                        .description("Each invalid field with its message."))
                .addProperty("retryAfterSeconds", new Schema<>().types(Set.of("integer")).format("int64")
                        .description("When to try again (also in `Retry-After`)."));
        problem.setRequired(List.of("type", "title", "status", "code"));
        return problem;
    }

    private static Schema<Object> object() {
        Schema<Object> schema = new Schema<>();
        schema.types(Set.of("object"));
        return schema;
    }

    private static Schema<Object> string(String description, String format) {
        Schema<Object> schema = new Schema<>();
        schema.types(Set.of("string")).description(description);
        if (format != null) {
            schema.format(format);
        }
        return schema;
    }
}
