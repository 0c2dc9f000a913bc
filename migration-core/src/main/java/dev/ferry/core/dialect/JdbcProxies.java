package dev.ferry.core.dialect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** JDBC objects whose calls a dialect handles itself where the engine's driver reads a value wrongly. */
public final class JdbcProxies {

    private JdbcProxies() {
    }

    /** A call on the proxied object, which may throw what the object's method throws. */
    @FunctionalInterface
    public interface Call {
        Object handle(Method method, Object[] args) throws Exception;
    }

    /** {@code target} as a {@code type} whose every call goes to {@code call}. */
    public static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.handle(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
