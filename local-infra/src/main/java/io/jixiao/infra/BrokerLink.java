package io.jixiao.infra;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between the services and the test broker, as a TCP relay that reads Kafka's request frames
 * (a 4-byte length, then the request header, whose first field is the API key) and can hold the requests of
 * chosen kinds for a while before passing them on: a broker that is slow to answer those, as a loaded or
 * restarting broker is. A held request holds up the requests behind it on the same connection, as a busy
 * broker's queue does. The broker advertises this relay's port on the listener behind it, so a client that
 * bootstraps here sends everything through it.
 */
final class BrokerLink implements AutoCloseable {

    private final ServerSocket server;
    private final int brokerPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Set<Short> held = Set.of();
    private volatile long holdMillis;
    private volatile boolean open = true;

    BrokerLink(int port, int brokerPort) {
        this.brokerPort = brokerPort;
        try {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + port, e);
        }
        Thread acceptor = new Thread(this::accept, "broker-link-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** From now on, each request of these kinds waits {@code hold} before it reaches the broker. */
    void hold(Duration hold, short... apiKeys) {
        Set<Short> keys = new java.util.HashSet<>();
        for (short key : apiKeys) {
            keys.add(key);
        }
        holdMillis = hold.toMillis();
        held = Set.copyOf(keys);
    }

    /** Requests pass at once again. */
    void release() {
        held = Set.of();
    }

    private void accept() {
        while (open) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!open) {
                    return;
                }
                continue;
            }
            try {
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
                client.setTcpNoDelay(true);
                broker.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(broker);
                pump("broker-link-requests", () -> requests(client.getInputStream(), broker.getOutputStream()), client, broker);
                pump("broker-link-responses", () -> copy(broker.getInputStream(), client.getOutputStream()), client, broker);
            } catch (IOException e) {
                // the broker is away: the client's connection ends, as a refused one would
                closeQuietly(client);
            }
        }
    }

    private interface Pump {
        void run() throws IOException;
    }

    private void pump(String name, Pump pump, Socket client, Socket broker) {
        Thread thread = new Thread(() -> {
            try {
                pump.run();
            } catch (IOException e) {
                // either side closed
            } finally {
                closeQuietly(client);
                closeQuietly(broker);
                sockets.remove(client);
                sockets.remove(broker);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void requests(InputStream from, OutputStream to) throws IOException {
        DataInputStream in = new DataInputStream(from);
        while (true) {
            int size;
            try {
                size = in.readInt();
            } catch (EOFException e) {
                return;
            }
            byte[] frame = new byte[size];
            in.readFully(frame);
            short apiKey = (short) (((frame[0] & 0xff) << 8) | (frame[1] & 0xff));
            if (held.contains(apiKey)) {
                sleep(holdMillis);
            }
            synchronized (to) {
                to.write(new byte[] { (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size });
                to.write(frame);
                to.flush();
            }
        }
    }

    private static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = from.read(buffer)) >= 0) {
            to.write(buffer, 0, n);
            to.flush();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(BrokerLink::closeQuietly);
    }
}
