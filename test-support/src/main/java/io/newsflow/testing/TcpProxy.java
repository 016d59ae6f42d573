package io.newsflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A TCP proxy on a loopback port that a test owns, between a client and a real server, so that the test can make the
 * server unreachable without touching it (other tests share it). {@link #cut()} closes every open connection and
 * turns new ones away, each accepted and closed at once as by a server that is going down; {@link #restore()} lets
 * them through again.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket server;
    /** The open connections, each its client's socket and the server's; guarded by {@code this}. */
    private final Set<Socket> open = new HashSet<>();
    private final List<Instant> turnedAway = new ArrayList<>();
    private boolean cut;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("tcp-proxy-" + port(), this::acceptAll).start();
    }

    /** Proxies a new loopback port to {@code host:port}. */
    public static TcpProxy start(String host, int port) {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Closes every open connection and turns new ones away until {@link #restore()}. */
    public synchronized void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public synchronized void restore() {
        cut = false;
    }

    /** When each connection turned away while the proxy was cut arrived, in order. */
    public synchronized List<Instant> turnedAway() {
        return List.copyOf(turnedAway);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (isCut(client)) {
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 10_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            synchronized (this) {
                if (cut) {
                    // Cut while connecting: this one is turned away as well.
                    turnedAway.add(Instant.now());
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                open.add(client);
                open.add(upstream);
            }
            daemon("tcp-proxy-up-" + client.getPort(), () -> pump(client, upstream)).start();
            daemon("tcp-proxy-down-" + client.getPort(), () -> pump(upstream, client)).start();
        }
    }

    private synchronized boolean isCut(Socket client) {
        if (cut) {
            turnedAway.add(Instant.now());
            closeQuietly(client);
        }
        return cut;
    }

    /** Copies one direction until either side ends, then closes both: a half-dead connection helps no test. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16_384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed or was cut: the connection is over.
        } finally {
            synchronized (this) {
                open.remove(from);
                open.remove(to);
            }
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        cut();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed, or closing anyway.
        }
    }
}
