package org.pcmsim.cli;

import org.pcmsim.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code pcm --version}: the project version, from the build. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "pcm " + Version.get() + " (pcm-sim: bit slicing on analog PCM crossbars)",
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch")};
    }
}
