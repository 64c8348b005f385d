package dev.keel.core.config;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns configuration trees into plain maps and lists for JSON writers. */
public final class TreeJson {

    private TreeJson() {}

    public static Object plain(ConfigNode node) {
        if (node instanceof ConfigNode.Table table) {
            Map<String, Object> map = new LinkedHashMap<>();
            table.entries().forEach((key, value) -> map.put(key, plain(value)));
            return map;
        }
        if (node instanceof ConfigNode.Array array) {
            List<Object> list = new ArrayList<>();
            array.items().forEach(item -> list.add(plain(item)));
            return list;
        }
        Object value = ((ConfigNode.Scalar) node).value();
        return value instanceof TemporalAccessor ? value.toString() : value;
    }
}
