// SPDX-License-Identifier: GPL-2.0-or-later
// The Lucene 8 peer of ngosearch-bench: indexes the files listed in a file (one path a line)
// with StandardAnalyzer or Nori's KoreanAnalyzer, one thread, the text stored as ngosearch and
// the Xapian baselines store it, and prints one JSON line with its figures. Compiled and run by
// ngosearch-bench against Debian's liblucene8-java when Java is present.
//
//     java -cp CLASSES:LUCENE_JARS LuceneBench standard|nori LIST INDEX_DIR

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;

public final class LuceneBench {
    private static long directoryBytes(Path dir) throws IOException {
        final long[] total = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                total[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[0].equals("standard") || args[0].equals("nori"))) {
            System.err.println("usage: LuceneBench standard|nori LIST INDEX_DIR");
            System.exit(2);
        }
        final Analyzer analyzer = args[0].equals("nori") ? new KoreanAnalyzer() : new StandardAnalyzer();
        final List<String> files = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        final Path indexDir = Paths.get(args[2]);

        // CPU time of the whole JVM (JIT and GC threads included): what indexing costs it.
        final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        final long cpuStarted = os.getProcessCpuTime();
        final long started = System.nanoTime();
        long bytes = 0;
        int docs = 0;
        final IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (FSDirectory dir = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, config)) {
            for (String file : files) {
                if (file.isEmpty()) continue;
                final byte[] raw = Files.readAllBytes(Paths.get(file));
                final String text = new String(raw, StandardCharsets.UTF_8);
                final Document doc = new Document();
                doc.add(new StringField("id", file, Field.Store.YES));
                doc.add(new TextField("body", text, Field.Store.YES));
                writer.updateDocument(new Term("id", file), doc);
                bytes += raw.length;
                ++docs;
            }
            writer.commit();
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        final double cpuSeconds = (os.getProcessCpuTime() - cpuStarted) / 1e9;

        long indexed;
        long tokens;
        long distinct;
        try (FSDirectory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
            indexed = reader.numDocs();
            tokens = reader.getSumTotalTermFreq("body");
            distinct = 0;
            for (var leaf : reader.leaves()) {
                final var terms = leaf.reader().terms("body");
                if (terms != null) distinct += terms.size();  // per segment: an upper bound
            }
        }
        final long indexBytes = directoryBytes(indexDir);
        System.out.printf(java.util.Locale.ROOT,
                "{\"analyzer\":\"%s\",\"lucene\":\"%s\",\"docs\":%d,\"indexed\":%d,\"bytes\":%d,\"seconds\":%.6f,\"cpu_seconds\":%.6f,"
                        + "\"tokens\":%d,\"segment_terms\":%d,\"index_bytes\":%d}%n",
                args[0], org.apache.lucene.util.Version.LATEST, docs, indexed, bytes, seconds, cpuSeconds, tokens,
                distinct, indexBytes);
    }
}
