package io.socketlab.grader.suites.udpstream;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The three datagrams of the udp-stream protocol, big-endian: {@code HEADER 0x01 frame:u32 width:u16 height:u16},
 * {@code ROW 0x02 frame:u32 y:u16 rgb:3×width}, {@code END 0x03 frame:u32}. Built for the receiver's tests, parsed
 * for the sender's.
 */
public final class StreamDatagrams {

    public static final int HEADER = 0x01;
    public static final int ROW = 0x02;
    public static final int END = 0x03;
    static final int HEADER_SIZE = 9;
    static final int ROW_PREFIX = 7;
    static final int END_SIZE = 5;
    static final int MAX_WIDTH = 480;

    private StreamDatagrams() {
    }

    public static byte[] header(long frame, int width, int height) {
        return ByteBuffer.allocate(HEADER_SIZE).put((byte) HEADER).putInt((int) frame)
                .putShort((short) width).putShort((short) height).array();
    }

    public static byte[] row(long frame, int y, byte[] rgb) {
        return ByteBuffer.allocate(ROW_PREFIX + rgb.length).put((byte) ROW).putInt((int) frame)
                .putShort((short) y).put(rgb).array();
    }

    public static byte[] end(long frame) {
        return ByteBuffer.allocate(END_SIZE).put((byte) END).putInt((int) frame).array();
    }

    /** One datagram as the sender sent it; {@code rgb} is empty unless it is a ROW. */
    record Parsed(int type, long frame, int width, int height, int y, byte[] rgb, int size) {

        /** In the spec's notation, the same in both languages: {@code ROW frame=7 y=3 (55 bytes)}. */
        String describe() {
            return switch (type) {
                case HEADER -> "HEADER frame=" + frame + " " + width + "x" + height;
                case ROW -> "ROW frame=" + frame + " y=" + y + " (" + size + " bytes)";
                default -> "END frame=" + frame;
            };
        }
    }

    /** Parses a datagram; empty when its type is unknown or its size is wrong for its type. */
    static Optional<Parsed> parse(byte[] datagram) {
        if (datagram.length < END_SIZE) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(datagram);
        int type = in.get() & 0xFF;
        long frame = Integer.toUnsignedLong(in.getInt());
        int size = datagram.length;
        return switch (type) {
            case HEADER -> size != HEADER_SIZE ? Optional.empty() : Optional.of(
                    new Parsed(type, frame, in.getShort() & 0xFFFF, in.getShort() & 0xFFFF, -1, new byte[0], size));
            case ROW -> {
                if (size < ROW_PREFIX || (size - ROW_PREFIX) % 3 != 0) {
                    yield Optional.empty();
                }
                int y = in.getShort() & 0xFFFF;
                byte[] rgb = new byte[size - ROW_PREFIX];
                in.get(rgb);
                yield Optional.of(new Parsed(type, frame, rgb.length / 3, -1, y, rgb, size));
            }
            case END -> size != END_SIZE ? Optional.empty()
                    : Optional.of(new Parsed(type, frame, -1, -1, -1, new byte[0], size));
            default -> Optional.empty();
        };
    }
}
