package org.cskpi.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Opens an input file as Spark would read it: through its Hadoop file system (local, HDFS,
 * S3) and decompressed by the codec its name implies ({@code .gz}, {@code .bz2}).
 */
public final class InputFiles {

    private InputFiles() {
    }

    public static InputStream open(Path file, Configuration hadoop) throws IOException {
        FileSystem fs = file.getFileSystem(hadoop);
        InputStream in = fs.open(file);
        CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(file);
        return codec == null ? in : codec.createInputStream(in);
    }
}
