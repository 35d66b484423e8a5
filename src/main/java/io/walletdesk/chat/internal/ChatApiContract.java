package io.walletdesk.chat.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Chat operations pass the security rules without a bearer token: their credential is the chat token in
 * {@code X-Chat-Token} (a visitor's, or a signed-in user's from {@code GET /chat/token}). {@code /v3/api-docs}
 * says so (the header stays listed as a required parameter too), with the 401 an unknown or expired token gets.
 */
@Component
class ChatApiContract implements OpenApiCustomizer {

    static final String SCHEME = "chatToken";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(ChatApiController.TOKEN_HEADER)
                .description("A chat token: POST /api/v1/chat/visitors for a visitor, GET /chat/token for a signed-in "
                        + "user."));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() == null || operation.getParameters().stream().noneMatch(
                    p -> "header".equals(p.getIn()) && ChatApiController.TOKEN_HEADER.equalsIgnoreCase(p.getName()))) {
                return;
            }
            operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
            if (!operation.getResponses().containsKey("401")) {
                operation.getResponses().addApiResponse("401", new ApiResponse()
                        .description("An unknown or expired chat token (`invalid-token`); a missing one is a 400 naming the header.")
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
            }
        }));
    }
}
