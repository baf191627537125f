package xiaoer.app.cluster;

import xiaoer.app.testing.EmbeddedApp;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What a cluster test runs on 127.0.0.1, all started by the test: a fresh schema in the shared PostgreSQL (reached
 * through a {@link TcpProxy} the test can cut), a private {@code redis-server} on a free port (AOF on, so a kill and
 * restart keeps what it had, like the compose file's Redis), and app nodes as child JVMs of the packaged jar
 * ({@code --spring.profiles.active=cluster}, -Xmx512m). Skips with a message when PostgreSQL, redis-server or the jar
 * is missing, except under {@code CI=true}, where it fails.
 * <p>
 * The nodes run a private copy of the jar taken when the harness starts: a build in the same working tree rewrites
 * {@code target/app-*.jar} in place, and a running JVM then fails to load classes from it (NoClassDefFoundError in
 * Netty or Tomcat threads, a node that no longer sees the others), which looks like a cluster fault but is not.
 */
final class ClusterHarness implements AutoCloseable {

    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    final String schema = "cluster_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final Path workDir;
    final String pgUser;
    final TcpProxy pgProxy;
    final int redisPort = EmbeddedApp.freePort();
    private Process redis;
    private final List<Node> nodes = new ArrayList<>();
    private final Path jar;

    /** One app node: its ports, its process and its log file. */
    final class Node {
        final String id;
        final int httpPort = EmbeddedApp.freePort();
        final int widgetPort = EmbeddedApp.freePort();
        final Path log;
        Process process;

        Node(String id) {
            this.id = id;
            this.log = workDir.resolve("node-" + id + ".log");
        }

        String baseUrl() {
            return "http://127.0.0.1:" + httpPort;
        }

        void start(Map<String, String> extra) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-jar", jar.toString(),
                    "--spring.profiles.active=cluster",
                    "--server.port=" + httpPort,
                    "--xiaoer.widget.host=127.0.0.1", "--xiaoer.widget.port=" + widgetPort,
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgProxy.port() + "/test?currentSchema="
                            + schema + "&connectTimeout=3&socketTimeout=10",
                    "--spring.datasource.username=" + pgUser,
                    "--spring.datasource.hikari.maximum-pool-size=5",
                    "--xiaoer.cluster.redis-url=redis://127.0.0.1:" + redisPort,
                    "--xiaoer.cluster.node-id=" + id,
                    "--xiaoer.shop.damage.token-secret=cluster-it-upload-secret",
                    "--xiaoer.data-dir=" + workDir.resolve("data-" + id),
                    "--xiaoer.engine.human-hours.from=00:00", "--xiaoer.engine.human-hours.to=00:00",
                    "--xiaoer.widget.messages-per-minute-per-visitor=0",
                    "--xiaoer.widget.messages-per-minute-per-ip=0",
                    "--xiaoer.widget.new-conversations-per-hour-per-ip=0",
                    "--logging.level.root=WARN", "--logging.level.xiaoer=INFO",
                    "--logging.level.xiaoer.app.XiaoerApplication=INFO"));
            extra.forEach((k, v) -> cmd.add("--" + k + "=" + v));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }

        void awaitUp(Duration timeout) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("node " + id + " exited with " + process.exitValue() + "; log tail:\n"
                            + tail(40));
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && Files.readString(log).contains("widget server listening")) return;
                } catch (IOException e) {
                    // not yet
                }
                Thread.sleep(500);
            }
            throw new AssertionError("node " + id + " not up within " + timeout + "; log tail:\n" + tail(40));
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL
            process.waitFor(10, TimeUnit.SECONDS);
        }

        String logText() throws IOException {
            return Files.readString(log);
        }

        String tail(int lines) {
            try {
                List<String> all = Files.readAllLines(log);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }
    }

    private ClusterHarness(String pgUser, Path jar) throws IOException {
        this.pgUser = pgUser;
        this.workDir = Files.createDirectories(Path.of("target", "cluster-it", schema)).toAbsolutePath();
        this.jar = workDir.resolve("app.jar");
        copyWhole(jar, this.jar); // the nodes' own copy: see the class comment
        System.out.println("cluster nodes run " + jar.toAbsolutePath() + " of " + Files.getLastModifiedTime(jar)
                + " (copied to " + this.jar + ")");
        this.pgProxy = new TcpProxy(5432);
    }

    /**
     * The project's modules nested in the jar that differ from those this build resolved (the test class path), as a
     * message; null when they match. {@code ./mvnw -pl app verify} after installing a changed module does not renew
     * them: the jar plugin keeps the existing (already repackaged) jar when app's own classes did not change, and the
     * Spring Boot repackage then leaves an already repackaged jar alone. The nodes would run the old module code.
     */
    static String staleModules(Path jar) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path", ""));
        Map<String, Path> resolved = new java.util.HashMap<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (name.endsWith("-SNAPSHOT.jar") && Files.isRegularFile(p)) resolved.put(name, p);
        }
        List<String> stale = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (Map.Entry<String, Path> module : resolved.entrySet()) {
                java.util.zip.ZipEntry nested = zip.getEntry("BOOT-INF/lib/" + module.getKey());
                if (nested == null) continue;
                compared.add(module.getKey());
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(Files.readAllBytes(module.getValue()));
                if (nested.getSize() != Files.size(module.getValue()) || nested.getCrc() != crc.getValue()) {
                    stale.add(module.getKey());
                }
            }
        }
        System.out.println("the jar's nested modules " + compared + " match this build's: " + stale.isEmpty());
        if (stale.isEmpty()) return null;
        return jar + " holds other builds of " + stale + " than this build resolved (" + resolved.keySet().stream()
                .filter(stale::contains).map(resolved::get).toList() + "): the nodes would run old code. Repackage"
                + " it: ./mvnw -o -pl app verify -Dmaven.jar.forceCreation=true ... (or package with it first)";
    }

    /** Copies the jar, again while a build is still writing it (a zip whose central directory does not read). */
    private static void copyWhole(Path from, Path to) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(to.toFile())) {
                if (zip.getEntry("META-INF/MANIFEST.MF") != null) return;
                if (attempt >= 30) throw new IOException(from + " has no manifest");
            } catch (IOException e) {
                if (attempt >= 30) throw e;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while copying " + from, e);
            }
        }
    }

    /** Checks the prerequisites (skip or, under CI=true, fail) and creates the schema and the private Redis. */
    static ClusterHarness start() throws Exception {
        Path jar = appJar();
        String redisServer = which("redis-server");
        String pgUser = null;
        SQLException last = null;
        for (String user : new String[]{"postgres", "root"}) {
            try (Connection c = DriverManager.getConnection(PG_URL + "?connectTimeout=3", user, "")) {
                pgUser = user;
                break;
            } catch (SQLException e) {
                last = e;
            }
        }
        String missing = jar == null ? "the packaged jar (run ./mvnw verify, or package first)"
                : redisServer == null ? "redis-server on the PATH"
                : pgUser == null ? "PostgreSQL at 127.0.0.1:5432/test (" + (last == null ? "" : last.getMessage()) + ")"
                : null;
        if (missing != null) {
            String message = "cluster fault tests need " + missing + ": SKIPPED";
            if ("true".equals(System.getenv("CI"))) Assertions.fail(message.replace("SKIPPED", "required under CI=true"));
            System.err.println(message);
            Assumptions.abort(message);
        }
        String stale = staleModules(jar);
        if (stale != null) Assertions.fail(stale);
        ClusterHarness h = new ClusterHarness(pgUser, jar);
        try (Connection c = h.db(); Statement s = c.createStatement()) {
            s.execute("create schema " + h.schema);
        }
        h.startRedis();
        return h;
    }

    Node node(String id) {
        Node n = new Node(id);
        nodes.add(n);
        return n;
    }

    /** A direct connection to the test schema (not through the proxy). */
    Connection db() throws SQLException {
        Connection c = DriverManager.getConnection(PG_URL + "?connectTimeout=3", pgUser, "");
        if (schema != null) {
            try (Statement s = c.createStatement()) {
                s.execute("set search_path to " + schema);
            } catch (SQLException e) {
                // the schema is created right after the first connection
            }
        }
        return c;
    }

    void startRedis() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve("redis"));
        redis = new ProcessBuilder(which("redis-server"), "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("redis.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", redisPort)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("private redis-server did not start on " + redisPort);
    }

    void killRedis() throws InterruptedException {
        redis.destroyForcibly();
        redis.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            if (n.process != null && n.process.isAlive()) {
                n.process.destroy();
                try {
                    if (!n.process.waitFor(10, TimeUnit.SECONDS)) n.process.destroyForcibly();
                } catch (InterruptedException e) {
                    n.process.destroyForcibly();
                }
            }
        }
        if (redis != null) redis.destroyForcibly();
        pgProxy.close();
        try {
            Files.deleteIfExists(jar); // 200+ MB; the logs stay
        } catch (IOException e) {
            System.err.println("could not delete " + jar + ": " + e.getMessage());
        }
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("could not drop " + schema + ": " + e.getMessage());
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path appJar() throws IOException {
        String configured = System.getProperty("xiaoer.app.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) return Path.of(configured);
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) return null;
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("app-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-tests.jar")).findFirst().orElse(null);
        }
    }

    private static String which(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, binary);
            if (f.canExecute()) return f.getAbsolutePath();
        }
        File sbin = new File("/usr/bin/" + binary);
        return sbin.canExecute() ? sbin.getAbsolutePath() : null;
    }
}
