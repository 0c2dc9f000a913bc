package dev.ferry.driver;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Wrapper;

/**
 * The base of Ferry's wrappers: a proxy handler that forwards every call to the wrapped JDBC object, except the
 * calls a subclass intercepts. Default methods such as {@code Connection.beginRequest} are forwarded like any
 * other, and an exception thrown by the wrapped object surfaces unchanged.
 *
 * <p>Proxies are identical only to themselves ({@code equals}/{@code hashCode} by identity).
 * {@code unwrap}/{@code isWrapperFor} answer for the proxy's own interfaces and otherwise ask the wrapped object,
 * so vendor interfaces stay reachable.
 *
 * @param <T> the wrapped object's JDBC interface
 */
abstract class DelegatingHandler<T> implements InvocationHandler {
    private static final Object[] NO_ARGUMENTS = {};

    /** The wrapped object. */
    protected final T delegate;

    protected DelegatingHandler(T delegate) {
        this.delegate = delegate;
    }

    /** Makes a proxy of {@code type} around {@code handler}. */
    static <P> P newProxy(Class<P> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(FerryDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** Whether {@code object} is a proxy made by Ferry. */
    static boolean isFerryProxy(Object object) {
        return object != null && Proxy.isProxyClass(object.getClass())
                && Proxy.getInvocationHandler(object) instanceof DelegatingHandler;
    }

    @Override
    public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object[] arguments = args == null ? NO_ARGUMENTS : args;
        Class<?> declaringClass = method.getDeclaringClass();
        if (declaringClass == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Ferry[" + delegate + "]";
            };
        }
        if (declaringClass == Wrapper.class) {
            Class<?> type = (Class<?>) arguments[0];
            if (method.getName().equals("isWrapperFor")) {
                return type.isInstance(proxy) || ((Wrapper) delegate).isWrapperFor(type);
            }
            return type.isInstance(proxy) ? proxy : ((Wrapper) delegate).unwrap(type);
        }
        return handle(proxy, method, arguments);
    }

    /**
     * Handles a call to one of the proxy's JDBC methods; by default forwards it.
     *
     * @param proxy  the proxy called
     * @param method the interface method called
     * @param args   its arguments, never null
     */
    protected Object handle(Object proxy, Method method, Object[] args) throws Throwable {
        return forward(method, args);
    }

    /** Calls {@code method} on the wrapped object, rethrowing whatever it throws as it is. */
    protected final Object forward(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
