package io.walletdesk.chat.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatConfig implements WebSocketConfigurer {

    private final ChatSocketHandler handler;
    private final String[] allowedOrigins;

    ChatConfig(ChatSocketHandler handler, @Value("${walletdesk.chat.allowed-origins:*}") String[] allowedOrigins) {
        this.handler = handler;
        this.allowedOrigins = allowedOrigins;
    }

    /**
     * The widget runs on any site, so any origin may connect: the socket carries no cookies' authority,
     * every conversation is reached only with a chat token sent in the first frame.
     */
    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/chat/ws").setAllowedOriginPatterns(allowedOrigins);
    }
}
