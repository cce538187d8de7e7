package org.cskpi.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** Opens input files through Hadoop's FileSystem (local, hdfs://, s3a://), decompressing .gz. */
final class TextFiles {

    private TextFiles() {
    }

    static Reader open(String file, Charset charset, Configuration hadoop) throws IOException {
        Path path = new Path(file);
        InputStream in = path.getFileSystem(hadoop).open(path);
        CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(path);
        if (codec != null) {
            in = codec.createInputStream(in);
        }
        return new StrictDecodingReader(in, charset);
    }
}
