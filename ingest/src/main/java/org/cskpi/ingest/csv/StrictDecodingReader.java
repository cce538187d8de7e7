package org.cskpi.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly (docs/mappings.md#encoding: never silently replaced): a byte
 * sequence that is not valid in the charset fails with a {@link MalformedInputAt} carrying
 * its byte offset. A leading byte-order mark is skipped.
 */
final class StrictDecodingReader extends Reader {

    /** Thrown for bytes that are not valid in the charset; {@code offset} is 0-based. */
    static final class MalformedInputAt extends IOException {
        final long offset;

        MalformedInputAt(String charset, long offset) {
            super("bytes not valid " + charset + " at byte offset " + offset);
            this.offset = offset;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private long consumedBefore;
    private boolean eof;
    private boolean done;
    private boolean needInput = true;
    private boolean first = true;

    StrictDecodingReader(InputStream in, Charset charset) {
        this(in, charset, 0);
    }

    /**
     * A reader of bytes that start {@code startOffset} bytes into a file (a split of it):
     * offsets in errors count from the file's start, and a byte-order mark is only skipped at 0.
     */
    StrictDecodingReader(InputStream in, Charset charset, long startOffset) {
        this.in = in;
        this.consumedBefore = startOffset;
        this.first = startOffset == 0;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done) {
            if (needInput && !eof) {
                fill();
            }
            CharBuffer out = CharBuffer.wrap(buffer, off, len);
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                throw new MalformedInputAt(decoder.charset().name(), consumedBefore + bytes.position());
            }
            needInput = result.isUnderflow();
            if (eof && result.isUnderflow() && !bytes.hasRemaining()) {
                if (decoder.flush(out).isError()) {
                    throw new MalformedInputAt(decoder.charset().name(), consumedBefore + bytes.position());
                }
                done = true;
            }
            int n = skipBom(buffer, off, out.position() - off);
            if (n > 0) {
                return n;
            }
        }
        return -1;
    }

    private int skipBom(char[] buffer, int off, int n) {
        if (first && n > 0) {
            first = false;
            if (buffer[off] == '\uFEFF') {
                System.arraycopy(buffer, off + 1, buffer, off, n - 1);
                return n - 1;
            }
        }
        return n;
    }

    private void fill() throws IOException {
        consumedBefore += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
