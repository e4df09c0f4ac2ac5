package io.siotls.tickets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256-GCM key sealing session tickets, named by a 16-byte id that travels in clear
 * before each ticket so that the key which sealed it is found again. It remembers when the last
 * ticket it sealed expires: a retired key is kept that long, and no longer.
 */
final class TicketKey {

    static final int KEY_LENGTH = 32;
    static final int ID_LENGTH = 16;
    static final int IV_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    /** Ciphers kept between tickets: a busy server seals two per full handshake. */
    private static final int IDLE_CIPHERS = 8;

    private final byte[] id;
    private final SecretKeySpec key;
    /**
     * Ciphers that sealed or opened a ticket and are free again: re-initialised with the same key,
     * a JCA cipher keeps its expanded key and skips the provider search, which a new one pays on
     * every ticket. A cipher that failed is dropped rather than kept.
     */
    private final ArrayBlockingQueue<Cipher> idleCiphers = new ArrayBlockingQueue<>(IDLE_CIPHERS);
    private final Instant created;
    private volatile Instant lastExpiry;

    TicketKey(byte[] key, Instant created) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a ticket key is " + KEY_LENGTH + " bytes, not " + key.length);
        }
        this.id = idOf(key);
        this.key = new SecretKeySpec(key, "AES");
        this.created = created;
        this.lastExpiry = created;
    }

    /**
     * The id: the first 16 bytes of SHA-256("siotls ticket key id" || key). Instances given the
     * same key bytes agree on it; it tells nothing of the key.
     */
    private static byte[] idOf(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("siotls ticket key id".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(digest.digest(key), ID_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    boolean hasId(byte[] ticket, int offset) {
        return Arrays.equals(id, 0, ID_LENGTH, ticket, offset, offset + ID_LENGTH);
    }

    Instant created() {
        return created;
    }

    /** When the last ticket this key sealed expires. */
    Instant lastExpiry() {
        return lastExpiry;
    }

    /** The id, the IV and AES-256-GCM(plaintext), {@code header} authenticated too. */
    byte[] seal(byte[] header, byte[] plaintext, byte[] iv, Instant expiry) {
        synchronized (this) {
            if (expiry.isAfter(lastExpiry)) {
                lastExpiry = expiry;
            }
        }
        try {
            Cipher cipher = takeCipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            byte[] out = new byte[header.length + ID_LENGTH + IV_LENGTH + plaintext.length + TAG_LENGTH];
            System.arraycopy(header, 0, out, 0, header.length);
            System.arraycopy(id, 0, out, header.length, ID_LENGTH);
            System.arraycopy(iv, 0, out, header.length + ID_LENGTH, IV_LENGTH);
            cipher.updateAAD(out, 0, header.length + ID_LENGTH);
            cipher.doFinal(plaintext, 0, plaintext.length, out, header.length + ID_LENGTH + IV_LENGTH);
            idleCiphers.offer(cipher);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to seal a ticket", e);
        }
    }

    /**
     * The plaintext of a ticket this key sealed ({@code headerLength} bytes of header, then the
     * id), or {@code null} when it does not authenticate.
     */
    byte[] open(byte[] ticket, int headerLength) {
        int ivOffset = headerLength + ID_LENGTH;
        try {
            Cipher cipher = takeCipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, ticket, ivOffset, IV_LENGTH));
            cipher.updateAAD(ticket, 0, ivOffset);
            byte[] plaintext = cipher.doFinal(ticket, ivOffset + IV_LENGTH, ticket.length - ivOffset - IV_LENGTH);
            idleCiphers.offer(cipher);
            return plaintext;
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to open a ticket", e);
        }
    }

    private Cipher takeCipher() throws GeneralSecurityException {
        Cipher idle = idleCiphers.poll();
        return idle != null ? idle : Cipher.getInstance("AES/GCM/NoPadding");
    }
}
