package io.walletdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What we know about the client behind a request: address, raw user agent and its readable summary, and
 * the optional headers our app sends ({@code X-App-Version}, {@code X-Device-Id}).
 */
public record ClientInfo(String ip, String userAgent, DeviceSummary device, String appVersion, String deviceId) {

    public static final String APP_VERSION_HEADER = "X-App-Version";
    public static final String DEVICE_ID_HEADER = "X-Device-Id";
    public static final String DEVICE_COOKIE = "wd_device";

    public static ClientInfo from(HttpServletRequest request) {
        String userAgent = truncate(request.getHeader("User-Agent"), 512);
        String deviceId = request.getHeader(DEVICE_ID_HEADER);
        if (deviceId == null && request.getCookies() != null) {
            for (var cookie : request.getCookies()) {
                if (DEVICE_COOKIE.equals(cookie.getName())) {
                    deviceId = cookie.getValue();
                }
            }
        }
        return new ClientInfo(
                truncate(request.getRemoteAddr(), 64),
                userAgent == null ? "" : userAgent,
                DeviceSummary.parse(userAgent),
                truncate(request.getHeader(APP_VERSION_HEADER), 40),
                sanitizeDeviceId(deviceId));
    }

    /** A client that is not an HTTP request, e.g. a scheduled job or a test. */
    public static ClientInfo system() {
        return new ClientInfo("127.0.0.1", "system", DeviceSummary.parse("system"), null, null);
    }

    private static String sanitizeDeviceId(String deviceId) {
        if (deviceId == null || !deviceId.matches("[A-Za-z0-9_-]{8,64}")) {
            return null;
        }
        return deviceId;
    }

    private static String truncate(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
