/**
 * Live chat: the embeddable widget, WebSocket transport with long-polling fallback, and fan-out of new
 * messages to every connected participant. Delivery is resumable: a client says which sequence number it
 * saw last and receives everything after it, in order, exactly once per connection.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "support"})
package io.walletdesk.chat;
