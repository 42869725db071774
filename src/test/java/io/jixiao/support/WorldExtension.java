package io.jixiao.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class districts of its own: before each test, every static {@link World} field of
 * the class that is still empty gets a new {@code World.create()}, so each class registers its
 * worlds once, through the API of the application {@code @QuarkusTest} has started, and never sees
 * another class's data.
 */
public final class WorldExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
            if (field.getType() == World.class && Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                if (field.get(null) == null) {
                    field.set(null, World.create());
                }
            }
        }
    }
}
