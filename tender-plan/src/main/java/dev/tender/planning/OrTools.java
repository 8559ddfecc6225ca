package dev.tender.planning;

import com.google.ortools.Loader;

/** OR-Tools' native libraries, loaded once per process before the first model. */
final class OrTools {

    private static boolean loaded;

    private OrTools() {}

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }
}
