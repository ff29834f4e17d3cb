package org.synthtrust.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last opened CSV files, newest first, kept in the user's Java preferences between sessions. */
final class RecentFiles {
    private static final int MAX_FILES = 8;
    private static final String KEY_PREFIX = "recent.csv.";

    private final Preferences preferences = Preferences.userRoot().node("org/synthtrust/app");

    List<Path> load() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MAX_FILES; i++) {
            String value = preferences.get(KEY_PREFIX + i, null);
            if (value != null) {
                files.add(Path.of(value));
            }
        }
        return files;
    }

    List<Path> add(Path file) {
        List<Path> files = load();
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.add(0, absolute);
        while (files.size() > MAX_FILES) {
            files.remove(files.size() - 1);
        }
        for (int i = 0; i < MAX_FILES; i++) {
            if (i < files.size()) {
                preferences.put(KEY_PREFIX + i, files.get(i).toString());
            } else {
                preferences.remove(KEY_PREFIX + i);
            }
        }
        return files;
    }
}
