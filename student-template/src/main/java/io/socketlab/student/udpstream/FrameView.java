package io.socketlab.student.udpstream;

/** Where the receiver shows rows as they arrive: a window with {@code --show}, nowhere otherwise. */
interface FrameView {

    /** Shows nothing. */
    FrameView NONE = (frame, width, height, y, rgb) -> { };

    /**
     * Row {@code y} of frame {@code frame}, whose size is {@code width} by {@code height}, has
     * arrived with these r g b bytes. Called on the receiving thread; must not block it.
     */
    void row(long frame, int width, int height, int y, byte[] rgb);
}
