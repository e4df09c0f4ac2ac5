package io.siotls.record;

import io.siotls.alerts.DecodeError;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.AlertLevel;

/**
 * The content of an alert record (RFC 8446 §6): exactly two bytes, level and description. Codes
 * unknown to the registries are kept as numbers: RFC 8446 §6 treats unknown alerts as errors,
 * which is the connection's call, not a reason to fail here.
 */
public final class AlertRecord {

    /** Length of an alert record's content. */
    public static final int LENGTH = 2;

    private final int level;
    private final int description;

    private AlertRecord(int level, int description) {
        this.level = level;
        this.description = description;
    }

    /**
     * Parses the content of an alert record.
     *
     * @throws DecodeError unless the content is exactly 2 bytes
     * @throws IllegalArgumentException when the range is invalid
     */
    public static AlertRecord parse(byte[] fragment, int off, int len) {
        Arguments.checkRange(fragment, off, len);
        if (len != LENGTH) {
            throw new DecodeError("an alert record holds exactly " + LENGTH + " bytes, got " + len
                    + " (RFC 8446 §6)");
        }
        return new AlertRecord(fragment[off] & 0xff, fragment[off + 1] & 0xff);
    }

    /** Same as {@code parse(fragment, 0, fragment.length)}. */
    public static AlertRecord parse(byte[] fragment) {
        Arguments.requireNonNull(fragment, "fragment");
        return parse(fragment, 0, fragment.length);
    }

    /** An alert to send. */
    public static AlertRecord of(AlertLevel level, AlertDescription description) {
        Arguments.requireNonNull(level, "level");
        Arguments.requireNonNull(description, "description");
        return new AlertRecord(level.code(), description.code());
    }

    /** The level code as received. */
    public int level() {
        return level;
    }

    /** The registered level, or null when the code is unknown. */
    public AlertLevel knownLevel() {
        return AlertLevel.fromCode(level);
    }

    /** The description code as received. */
    public int description() {
        return description;
    }

    /** The registered description, or null when the code is unknown. */
    public AlertDescription knownDescription() {
        return AlertDescription.fromCode(description);
    }

    /** The two bytes of the record content. */
    public byte[] toBytes() {
        return new byte[] {(byte) level, (byte) description};
    }

    @Override
    public String toString() {
        AlertLevel knownLevel = knownLevel();
        AlertDescription knownDescription = knownDescription();
        return (knownLevel == null ? "level " + level : knownLevel.ianaName()) + " "
                + (knownDescription == null ? "alert " + description : knownDescription.ianaName());
    }
}
