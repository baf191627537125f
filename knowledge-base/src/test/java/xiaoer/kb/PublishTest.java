package xiaoer.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import xiaoer.kb.io.ScriptFormatException;
import xiaoer.kb.semantic.BgeSmallZhEmbedder;

class PublishTest {

    private static List<Script> version(String prefix, int n) {
        List<Script> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Script(prefix + i, "zh", null, List.of("快递问题" + i, "退款问题" + i, "发货" + prefix + i),
                    "答复" + i, null, null, null, null));
        }
        return out;
    }

    @Test
    void publishUnderConcurrentRetrieveNeverShowsAHalfIndex() throws Exception {
        List<Script> a = version("a", 40);
        List<Script> b = version("b", 60);
        KnowledgeBase kb = KnowledgeBase.create(a, KbOptions.defaults().withEmbedder(BgeSmallZhEmbedder.shared()));
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(3);
        for (int t = 0; t < 3; t++) {
            Thread th = new Thread(() -> {
                started.countDown();
                int i = 0;
                while (!stop.get()) {
                    try {
                        Retrieval r = kb.retrieve("快递问题" + (i++ % 40), null);
                        Set<Character> versions = new java.util.HashSet<>();
                        r.candidates().forEach(c -> versions.add(c.scriptId().charAt(0)));
                        if (versions.size() > 1) mixed.add(r.candidates().toString());
                        if (kb.scripts().size() != 40 && kb.scripts().size() != 60) mixed.add("size " + kb.scripts().size());
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            th.start();
            readers.add(th);
        }
        started.await();
        for (int i = 0; i < 6; i++) kb.publish(i % 2 == 0 ? b : a);
        stop.set(true);
        for (Thread th : readers) th.join();
        assertThat(errors).isEmpty();
        assertThat(mixed).isEmpty();
        assertThat(kb.scripts()).hasSize(40);
        assertThat(kb.metrics().publishes()).isEqualTo(6);
    }

    @Test
    void invalidPublishIsRefusedAndTheLiveIndexStays() {
        KnowledgeBase kb = KnowledgeBase.create(version("a", 3), KbOptions.lexicalOnly());
        List<Script> bad = new ArrayList<>(version("b", 2));
        bad.add(new Script("b0", "zh", null, List.of(), "", null, null, null, null));
        assertThatThrownBy(() -> kb.publish(bad)).isInstanceOf(ScriptFormatException.class);
        assertThat(kb.scripts()).extracting(Script::id).containsExactly("a0", "a1", "a2");
        assertThat(kb.script("a1")).isPresent();
    }
}
