package io.socketlab.reference.udpstream;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/** {@code --show}: a window that paints the latest frame, row by row, as its rows arrive. */
final class FrameWindow extends JPanel implements FrameView {

    private static final Logger LOG = Logger.getLogger(FrameWindow.class.getName());

    private final JFrame window = new JFrame("udp-stream");
    // Touched only on Swing's event dispatch thread, which also paints it: no locking needed.
    private BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    private long shownFrame = -1;

    private FrameWindow() {
    }

    /**
     * A window, or {@link FrameView#NONE} with a line on stderr when there is no display: a
     * headless machine still receives and writes every frame.
     */
    static FrameView open() {
        if (GraphicsEnvironment.isHeadless()) {
            LOG.warning("--show needs a display (is DISPLAY set?); frames are written but not shown");
            return NONE;
        }
        AtomicReference<FrameWindow> view = new AtomicReference<>();
        try {
            // Swing components are made and touched on Swing's event dispatch thread only.
            SwingUtilities.invokeAndWait(() -> view.set(new FrameWindow().build()));
        } catch (Exception | Error e) {
            // A DISPLAY that names no reachable X server fails here, not in isHeadless().
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            LOG.warning(() -> "--show cannot open a window (" + cause + "); frames are written but not shown");
            return NONE;
        }
        return view.get();
    }

    private FrameWindow build() {
        window.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE); // closing it does not stop receiving
        window.add(this);
        setPreferredSize(new Dimension(320, 240));
        window.pack();
        window.setVisible(true);
        return this;
    }

    @Override
    public void row(long frame, int width, int height, int y, byte[] rgb) {
        int[] pixels = Frame.toPixels(rgb); // a copy: the caller may reuse its buffer
        SwingUtilities.invokeLater(() -> paintRow(frame, width, height, y, pixels));
    }

    /** On the event dispatch thread: a new frame number starts a fresh black image of its size. */
    private void paintRow(long frame, int width, int height, int y, int[] pixels) {
        if (frame != shownFrame || image.getWidth() != width || image.getHeight() != height) {
            shownFrame = frame;
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            window.setTitle("udp-stream: frame " + frame);
            setPreferredSize(new Dimension(width, height));
            window.pack();
        }
        image.setRGB(0, y, width, 1, pixels, 0, width);
        repaint(0, y, width, 1);
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        g.drawImage(image, 0, 0, null);
    }
}
