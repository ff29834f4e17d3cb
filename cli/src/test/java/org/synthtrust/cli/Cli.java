package org.synthtrust.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.synthtrust.core.progress.CancellationToken;

/** Runs the real command line in-process with captured standard output and standard error. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        return run(new CancellationToken(), args);
    }

    static Cli run(CancellationToken cancel, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), cancel);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Both streams, for assertion messages. */
    String both() {
        return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
