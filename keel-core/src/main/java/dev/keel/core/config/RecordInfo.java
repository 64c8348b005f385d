package dev.keel.core.config;

import dev.keel.core.config.model.Doc;
import dev.keel.core.config.model.Format;
import dev.keel.core.config.model.Key;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.PathValue;
import dev.keel.core.config.model.Required;
import dev.keel.core.config.model.Superseded;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The TOML keys of a configuration record, cached per class. */
final class RecordInfo {

    /** One key: its record component, generic type and annotations. */
    record Field(
            String key,
            String name,
            Type type,
            Class<?> rawType,
            boolean required,
            String doc,
            String supersededBy,
            PathValue path,
            String format) {}

    private static final Map<Class<?>, RecordInfo> CACHE = new ConcurrentHashMap<>();

    final Class<?> type;
    final List<Field> fields;
    final Map<String, Integer> indexByKey;
    private final Constructor<?> constructor;

    private RecordInfo(Class<?> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        List<Field> list = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Key key = component.getAnnotation(Key.class);
            Doc doc = component.getAnnotation(Doc.class);
            Superseded superseded = component.getAnnotation(Superseded.class);
            String name = key != null ? key.value() : Names.kebab(component.getName());
            list.add(new Field(
                    name,
                    component.getName(),
                    component.getGenericType(),
                    component.getType(),
                    component.isAnnotationPresent(Required.class),
                    doc == null ? "" : doc.value(),
                    superseded == null ? null : superseded.value(),
                    component.getAnnotation(PathValue.class),
                    component.isAnnotationPresent(Format.class)
                            ? component.getAnnotation(Format.class).value()
                            : null));
            index.put(name, i);
            parameterTypes[i] = component.getType();
        }
        this.fields = List.copyOf(list);
        this.indexByKey = Map.copyOf(index);
        try {
            this.constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + type, e);
        }
    }

    static RecordInfo of(Class<?> type) {
        return CACHE.computeIfAbsent(type, RecordInfo::new);
    }

    /**
     * The record a configuration type is read through: the type itself, or for the sealed {@link
     * Overlay} the record of every key an overlay table may have.
     */
    static Class<?> boundAs(Class<?> type) {
        return type == Overlay.class ? OverlayTable.class : type;
    }

    Object create(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
        }
    }

    /** Reads the record's component values in key order. */
    Object[] values(Object record) {
        Object[] values = new Object[fields.size()];
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + type.getSimpleName(), e);
            }
        }
        return values;
    }
}
