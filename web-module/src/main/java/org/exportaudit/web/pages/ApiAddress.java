package org.exportaudit.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An address in the REST API with the filters a page applies, for the downloads the pages link to
 * (the session cookie may read there): each present value encoded, absent ones left out.
 */
final class ApiAddress {

    private ApiAddress() {
    }

    /** {@code path} (from {@code /api/v1}) with the parameters that have a value, in their order. */
    static String of(String path, Map<String, String> parameters) {
        StringBuilder address = new StringBuilder("/api/v1/").append(path);
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                address.append(address.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return address.toString();
    }
}
