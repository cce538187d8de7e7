package org.cskpi.analytics.job;

import java.time.Duration;
import java.util.Iterator;

/**
 * Adds up the time spent inside the iterators it wraps: for rows pulled lazily from Spark,
 * the time Spark took to produce them, as opposed to the time the consumer took to store them.
 */
final class TimedRows {

    private long nanos;

    <T> Iterator<T> wrap(Iterator<T> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                long started = System.nanoTime();
                try {
                    return rows.hasNext();
                } finally {
                    nanos += System.nanoTime() - started;
                }
            }

            @Override
            public T next() {
                long started = System.nanoTime();
                try {
                    return rows.next();
                } finally {
                    nanos += System.nanoTime() - started;
                }
            }
        };
    }

    Duration spent() {
        return Duration.ofNanos(nanos);
    }
}
