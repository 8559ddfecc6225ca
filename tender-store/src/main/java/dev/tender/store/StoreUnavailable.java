package dev.tender.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The store could not be opened: the URL names neither H2 nor PostgreSQL, the database cannot be
 * reached, or its schema cannot be migrated. The message names the URL without its password and
 * says what went wrong, on one line.
 */
public final class StoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final String HIDDEN = "***";

    /** {@code password=...} as a PostgreSQL URL's parameter or an H2 URL's setting. */
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)(password=)([^&;]*)");

    /** {@code //user:password@host}. */
    private static final Pattern PASSWORD_BEFORE_HOST = Pattern.compile("(//[^/:@]*:)([^/@]*)@");

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    /** The store refuses {@code url} for {@code problem}, in its own words. */
    StoreUnavailable(String url, String problem) {
        super(message(url, problem));
    }

    /**
     * The database failed: what its driver said, with the password hidden wherever it appears (a
     * driver may repeat the URL, or the password, in what it says).
     */
    StoreUnavailable(String url, @Nullable String password, Throwable cause) {
        super(message(url, hidden(problemOf(cause), secrets(url, password))), cause);
    }

    private static String message(String url, String problem) {
        String said = "cannot open the store at " + withoutPassword(url) + ": " + problem;
        return LINE_BREAKS.matcher(said).replaceAll(" ").strip();
    }

    private static String withoutPassword(String url) {
        String hidden = PASSWORD_SETTING.matcher(url).replaceAll(found -> found.group(1) + HIDDEN);
        return PASSWORD_BEFORE_HOST.matcher(hidden).replaceAll(found -> found.group(1) + HIDDEN + "@");
    }

    private static String hidden(String text, List<String> secrets) {
        String hidden = text;
        for (String secret : secrets) {
            hidden = hidden.replace(secret, HIDDEN);
        }
        return hidden;
    }

    private static List<String> secrets(String url, @Nullable String password) {
        List<String> secrets = new ArrayList<>();
        if (password != null) {
            secrets.add(password);
        }
        for (Pattern pattern : List.of(PASSWORD_SETTING, PASSWORD_BEFORE_HOST)) {
            Matcher found = pattern.matcher(url);
            while (found.find()) {
                secrets.add(found.group(2));
            }
        }
        secrets.removeIf(String::isEmpty);
        return secrets;
    }

    /**
     * What the deepest SQL exception in {@code failure}'s causes says (drivers word the problem
     * there, the pool and Flyway only wrap it), and what the deepest cause of all says, if that is
     * another exception: often the network's own word ("Connection refused").
     */
    private static String problemOf(Throwable failure) {
        Throwable deepest = failure;
        @Nullable Throwable sql = failure instanceof SQLException ? failure : null;
        for (Throwable next = failure.getCause(); next != null && next != deepest; next = next.getCause()) {
            deepest = next;
            if (next instanceof SQLException) {
                sql = next;
            }
        }
        if (sql == null || sql == deepest) {
            return said(deepest);
        }
        return said(sql) + " (" + deepest.getClass().getSimpleName() + ": " + said(deepest) + ")";
    }

    private static String said(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
