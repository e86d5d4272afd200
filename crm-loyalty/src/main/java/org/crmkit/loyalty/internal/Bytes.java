package org.crmkit.loyalty.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/** Numbers and texts as little-endian bytes, for digests and for the in-memory ledger store; not API. */
public final class Bytes {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    /** Bytes being written, growing as needed. Not thread-safe. */
    public static final class Writer {
        private byte[] bytes;
        private int size;

        /** @param capacity the first capacity; the writer grows past it */
        public Writer(int capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }

        /** {@return the array holding the bytes written, from index 0 to {@link #size()}} */
        public byte[] array() {
            return bytes;
        }

        /** {@return how many bytes were written} */
        public int size() {
            return size;
        }

        private void room(int n) {
            if (n > bytes.length - size) {
                long wanted = Math.max(2L * bytes.length, (long) size + n);
                if (wanted > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("more bytes than an array holds: " + wanted);
                }
                bytes = Arrays.copyOf(bytes, (int) wanted);
            }
        }

        /** {@return this writer, after the low byte of {@code b}} */
        public Writer putByte(int b) {
            room(1);
            bytes[size++] = (byte) b;
            return this;
        }

        /** {@return this writer, after four bytes} */
        public Writer putInt(int v) {
            room(4);
            INT.set(bytes, size, v);
            size += 4;
            return this;
        }

        /** {@return this writer, after eight bytes} */
        public Writer putLong(long v) {
            room(8);
            LONG.set(bytes, size, v);
            size += 8;
            return this;
        }

        /** {@return this writer, after a length and that many bytes} */
        public Writer putBytes(byte[] b) {
            putInt(b.length);
            room(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
            return this;
        }

        /**
         * Writes a text as its length, then its chars in UTF-16: so no two different lists of texts give the same
         * bytes. For digests.
         *
         * @param s the text
         * @return this writer
         */
        public Writer putChars(String s) {
            int n = s.length();
            putInt(n);
            room(2 * n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                bytes[size++] = (byte) c;
                bytes[size++] = (byte) (c >>> 8);
            }
            return this;
        }

        /**
         * Writes a text, or null, in UTF-8 after its length in bytes (-1 for null), as {@link Reader#getText}
         * reads it back.
         *
         * @param s the text, or null
         * @return this writer
         */
        public Writer putText(@Nullable String s) {
            if (s == null) {
                return putInt(-1);
            }
            // ASCII, the common case, is its own UTF-8 and goes straight in; other text through the JDK's encoder.
            int n = s.length();
            room(4 + n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    return putBytes(s.getBytes(StandardCharsets.UTF_8));
                }
                bytes[size + 4 + i] = (byte) c;
            }
            INT.set(bytes, size, n);
            size += 4 + n;
            return this;
        }
    }

    /** Reads, in order, what a {@link Writer} wrote. Not thread-safe. */
    public static final class Reader {
        private final byte[] bytes;
        private int at;

        /** @param bytes the bytes, read from index 0 */
        public Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        /** {@return the next byte} */
        public byte getByte() {
            return bytes[at++];
        }

        /** {@return the next four bytes as a number} */
        public int getInt() {
            int v = (int) INT.get(bytes, at);
            at += 4;
            return v;
        }

        /** {@return the next eight bytes as a number} */
        public long getLong() {
            long v = (long) LONG.get(bytes, at);
            at += 8;
            return v;
        }

        /** {@return the next bytes written by {@link Writer#putBytes}} */
        public byte[] getBytes() {
            int n = getInt();
            byte[] b = Arrays.copyOfRange(bytes, at, at + n);
            at += n;
            return b;
        }

        /** {@return the next text written by {@link Writer#putText}, or null} */
        public @Nullable String getText() {
            int n = getInt();
            if (n < 0) {
                return null;
            }
            String s = new String(bytes, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }
    }
}
