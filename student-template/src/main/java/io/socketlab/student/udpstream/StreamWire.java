package io.socketlab.student.udpstream;

/** The datagram layouts of udp-stream, all integers big-endian. */
final class StreamWire {

    static final byte HEADER = 0x01;
    static final byte ROW = 0x02;
    static final byte END = 0x03;

    /** type, frame:u32, width:u16, height:u16. */
    static final int HEADER_BYTES = 1 + 4 + 2 + 2;
    /** type, frame:u32, y:u16: then 3 bytes per pixel. */
    static final int ROW_HEADER_BYTES = 1 + 4 + 2;
    /** type, frame:u32. */
    static final int END_BYTES = 1 + 4;

    /** A ROW of 480 pixels is 1447 bytes: it fits an Ethernet frame without fragmenting. */
    static final int MAX_WIDTH = 480;
    static final int MAX_HEIGHT = 65_535;

    /** HEADER and END are sent this many times: losing one copy must not lose the frame. */
    static final int REPEATS = 3;

    private StreamWire() {
    }
}
