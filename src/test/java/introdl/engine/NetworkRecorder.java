package introdl.engine;

import java.lang.reflect.InvocationTargetException;
import java.security.Permission;
import java.util.Arrays;

/**
 * Runs another program's {@code main} under a security manager that records every connection
 * (and host name look-up) leaving the machine and refuses it before any packet is sent: each
 * attempt prints a line {@code NETWORK host:port} on standard error. Loopback addresses are let
 * through, and so is a look-up of the machine's own name. For {@link NoCallHomeIT}; needs {@code -Djava.security.manager=allow} on JDK 18+.
 */
public final class NetworkRecorder {
    /** The line each refused connection prints. */
    static final String MARK = "NETWORK ";

    private NetworkRecorder() {}

    /** {@code NetworkRecorder MainClass args...}. */
    public static void main(String[] args) throws Throwable {
        // the machine's own name is looked up by logging and the JDK; it is not a request to anyone
        String self = java.net.InetAddress.getLocalHost().getHostName();
        System.setSecurityManager(new Recorder(self));
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Allows everything but connections that leave the machine. */
    @SuppressWarnings("removal")
    private static final class Recorder extends SecurityManager {
        private final String self;

        Recorder(String self) {
            this.self = self;
        }

        @Override
        public void checkPermission(Permission permission) {}

        @Override
        public void checkPermission(Permission permission, Object context) {}

        @Override
        public void checkConnect(String host, int port) {
            refuseUnlessLocal(host, port);
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
            refuseUnlessLocal(host, port);
        }

        private void refuseUnlessLocal(String host, int port) {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (h.equals(self) || h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
                return;
            }
            System.err.println(MARK + host + ":" + port);
            System.err.flush();
            throw new SecurityException("refused by the test: a connection to " + host + ":" + port);
        }
    }
}
