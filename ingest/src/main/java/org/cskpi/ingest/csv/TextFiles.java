package org.cskpi.ingest.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
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

    /** Whether the file is read as is (no codec), so byte ranges of it can be read on their own. */
    static boolean isPlain(String file, Configuration hadoop) {
        return new CompressionCodecFactory(hadoop).getCodec(new Path(file)) == null;
    }

    static long size(String file, Configuration hadoop) throws IOException {
        Path path = new Path(file);
        return path.getFileSystem(hadoop).getFileStatus(path).getLen();
    }

    /** The raw bytes of a plain file, from the start. */
    static InputStream openBytes(String file, Configuration hadoop) throws IOException {
        Path path = new Path(file);
        return path.getFileSystem(hadoop).open(path, 1 << 20);
    }

    /** Bytes [start, end) of a plain file, decoded strictly. */
    static Reader openRange(String file, Charset charset, Configuration hadoop, long start, long end) throws IOException {
        Path path = new Path(file);
        FSDataInputStream in = path.getFileSystem(hadoop).open(path);
        in.seek(start);
        return new StrictDecodingReader(new BoundedInputStream(in, end - start), charset, start);
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
