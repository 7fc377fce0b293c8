package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Function;

/** A page of a list as the API answers it: {@code {items: [...], next}}, next null on the last page. */
final class PageJson {

    private PageJson() {
    }

    static <T> JsonObject of(List<T> items, String next, Function<T, ? extends JsonValue> item) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(each -> array.add(item.apply(each)));
        return JSON.createObjectBuilder()
                .add("items", array)
                .add("next", next == null ? JsonValue.NULL : JSON.createValue(next))
                .build();
    }
}
