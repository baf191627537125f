package xiaoer.kb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import xiaoer.kb.KbOptions;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Script;

/**
 * Speed benchmark (prints figures; not a test). Synthetic scripts are built from the starter knowledge base's
 * phrasings recombined with random shop words, 3 phrasings each; queries are fresh recombinations. Latency is
 * reported as wall time and as the calling thread's CPU time (the latter is not inflated when other processes
 * share the cores).
 * <pre>
 *   java -cp ... xiaoer.kb.bench.KbBench [lexicalSizes=1000,10000,100000] [semanticSizes=1000]
 *   java -cp ... xiaoer.kb.bench.KbBench starter TEXTS_FILE
 * </pre>
 * The second form measures the starter knowledge base on real shopper texts (one per line, e.g. the widget
 * benchmark's {@code bench/texts-zh.txt}): the CPU one message's retrieval costs once the embedding of every text
 * is cached and the JIT is warm, which is the least the bot's matching adds to a message in the widget benchmark.
 */
public final class KbBench {

    private static final String[] WORDS = ("快递 物流 退款 退货 换货 尺码 颜色 发货 顺丰 优惠 包邮 发票 付款 花呗 地址 电话 取消 订单 "
            + "质量 正品 材质 纯棉 库存 现货 赠品 投诉 人工 客服 破损 少发 错发 掉色 起球 缩水 到账 几天 什么时候 能不能 可以 怎么 "
            + "衣服 裤子 鞋子 帽子 外套 裙子 杯子 手机壳 耳机 充电器 背包 手表 眼镜 袜子 围巾 手套 被子 枕头 毛巾 牙刷").split(" ");

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("starter")) {
            List<String> texts = Files.readAllLines(Path.of(args[1])).stream()
                    .map(String::strip).filter(t -> !t.isEmpty()).toList();
            starter(texts, false);
            starter(texts, true);
            return;
        }
        int[] lexicalSizes = args.length > 0 ? parse(args[0]) : new int[]{1000, 10000, 100000};
        int[] semanticSizes = args.length > 1 ? parse(args[1]) : new int[]{1000};
        List<Script> starter = KnowledgeBase.builtinScripts();
        for (int n : lexicalSizes) run(n, starter, false);
        for (int n : semanticSizes) run(n, starter, true);
    }

    private static void starter(List<String> texts, boolean semantic) {
        KnowledgeBase kb = KnowledgeBase.create(KnowledgeBase.builtinScripts(),
                semantic ? KbOptions.defaults() : KbOptions.lexicalOnly());
        for (int round = 0; round < 3; round++) for (String t : texts) kb.retrieve(t, null); // cache + JIT
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int rounds = 5;
        double[] cpuUs = new double[texts.size() * rounds];
        double total = 0;
        for (int round = 0, i = 0; round < rounds; round++) {
            for (String t : texts) {
                long c = mx.getCurrentThreadCpuTime();
                kb.retrieve(t, null);
                cpuUs[i] = (mx.getCurrentThreadCpuTime() - c) / 1e3;
                total += cpuUs[i++];
            }
        }
        Arrays.sort(cpuUs);
        System.out.printf(Locale.ROOT, "STARTER %s texts=%d retrievals=%d cpu_mean_us=%.1f cpu_p50_us=%.1f cpu_p99_us=%.1f "
                        + "semantic_share=%.2f%n", semantic ? "full   " : "lexical", texts.size(), cpuUs.length,
                total / cpuUs.length, cpuUs[cpuUs.length / 2], cpuUs[(int) (cpuUs.length * 0.99) - 1],
                kb.metrics().semanticShare());
        kb.close();
    }

    private static void run(int n, List<Script> starter, boolean semantic) throws Exception {
        Random rnd = new Random(42);
        List<Script> scripts = synthetic(n, starter, rnd);
        System.gc();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        KnowledgeBase kb = KnowledgeBase.create(scripts, semantic ? KbOptions.defaults() : KbOptions.lexicalOnly());
        double buildS = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heapMb = (usedHeap() - heapBefore) / (1024 * 1024);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 3000; i++) queries.add(phrase(starter, rnd));
        int warm = semantic ? 200 : 2000;
        for (int i = 0; i < warm; i++) kb.retrieve(queries.get(i % queries.size()) + "?", null);
        int measured = semantic ? 1000 : 3000;
        double[] ms = new double[measured];
        double[] cpu = new double[measured];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < measured; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            kb.retrieve(queries.get(i), null);
            ms[i] = (System.nanoTime() - s) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        double qps = throughput(kb, queries, 2, semantic ? 5 : 3);
        System.out.printf(Locale.ROOT, "%s scripts=%d phrasings=%d build_s=%.1f heap_mb=%d p50_ms=%.3f p99_ms=%.3f cpu_p50_ms=%.3f cpu_p99_ms=%.3f qps_2threads=%.0f semantic_share=%.2f fallbacks=%d%n",
                semantic ? "FULL   " : "LEXICAL", n, n * 3, buildS, heapMb, ms[measured / 2], ms[(int) (measured * 0.99) - 1],
                cpu[measured / 2], cpu[(int) (measured * 0.99) - 1], qps,
                kb.metrics().semanticShare(), kb.metrics().overloadFallbacks());
        kb.close();
    }

    private static double throughput(KnowledgeBase kb, List<String> queries, int threads, int seconds) throws Exception {
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t * 997;
            pool.submit(() -> {
                int i = offset;
                // distinct texts so the LRU cache does not flatter the figure
                while (System.nanoTime() < end) {
                    kb.retrieve(queries.get(i++ % queries.size()) + (i / queries.size()), null);
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30, TimeUnit.SECONDS);
        return done.get() / (double) seconds;
    }

    private static List<Script> synthetic(int n, List<Script> starter, Random rnd) {
        List<Script> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Script("s" + i, "zh", null, List.of(phrase(starter, rnd), phrase(starter, rnd), phrase(starter, rnd)),
                    "答复" + i, null, null, null, null));
        }
        return out;
    }

    private static String phrase(List<Script> starter, Random rnd) {
        Script s = starter.get(rnd.nextInt(starter.size()));
        String q = s.questions().get(rnd.nextInt(s.questions().size()));
        return WORDS[rnd.nextInt(WORDS.length)] + q + WORDS[rnd.nextInt(WORDS.length)];
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static int[] parse(String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).mapToInt(Integer::parseInt).toArray();
    }
}
