package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Mistake: takes whatever one read returns as the command line ({@code line = conn.recv(8192)}), keeping what comes
 * before the first LF and dropping the rest: a line in pieces is read as several wrong commands, and content glued to
 * its PUT line is lost; must lose FT-1.
 */
public final class SingleReadCommandFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new SingleReadCommandFileTransferServer().run(args);
    }

    @Override
    String readCommand(InputStream in) throws IOException {
        byte[] chunk = new byte[MAX_LINE_BYTES];
        int n = in.read(chunk);
        if (n < 0) {
            return null;
        }
        String text = new String(chunk, 0, n, StandardCharsets.UTF_8);
        int lf = text.indexOf('\n');
        String line = lf < 0 ? text : text.substring(0, lf);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
