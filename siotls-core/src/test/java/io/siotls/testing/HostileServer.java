package io.siotls.testing;

import io.siotls.iana.AlertDescription;
import java.util.List;

/**
 * A scripted hostile server, as tlsfuzzer scripts hostile clients: what it sends after each flight
 * of the client, whether it then closes its end of the connection, and what our client must do
 * about it: the alerts it must send (in order, none when the transport is gone) and the alert it
 * must raise, its own or the one it received. The same script drives a Sans-IO client in memory
 * and a JSSE client over TCP, so both levels are held to one expectation.
 */
public final class HostileServer {

    /** What the server sends after one flight of the client. */
    public interface Step {
        byte[] answer(byte[] clientFlight, HostileServer server);
    }

    /** How the server ends after its last step. */
    public enum End {
        /** Keeps the connection open and says nothing more (reading what the client sends). */
        STAY_OPEN,
        /** Closes its sending end (TCP FIN; in memory, the client's receiving end closes). */
        CLOSE
    }

    private final String name;
    private final List<Step> steps;
    private final End end;
    private final List<AlertDescription> alertsSent;
    private final AlertDescription alertRaised;
    private final boolean raisedAlertIsRemote;
    private String messageHint;
    private ServerFlight flight;

    HostileServer(String name, List<Step> steps, End end, List<AlertDescription> alertsSent,
            AlertDescription alertRaised, boolean raisedAlertIsRemote) {
        this.name = name;
        this.steps = List.copyOf(steps);
        this.end = end;
        this.alertsSent = List.copyOf(alertsSent);
        this.alertRaised = alertRaised;
        this.raisedAlertIsRemote = raisedAlertIsRemote;
    }

    public String name() {
        return name;
    }

    public List<Step> steps() {
        return steps;
    }

    public End end() {
        return end;
    }

    /** The alerts our client must send, in order; empty when it must send none. */
    public List<AlertDescription> alertsSent() {
        return alertsSent;
    }

    /** The alert our client must raise, or {@code null} when the transport ends it without one. */
    public AlertDescription alertRaised() {
        return alertRaised;
    }

    /** Whether the raised alert is the server's (received), not our client's own. */
    public boolean raisedAlertIsRemote() {
        return raisedAlertIsRemote;
    }

    /** Requires the raised alert's message to contain {@code hint}. */
    HostileServer saying(String hint) {
        this.messageHint = hint;
        return this;
    }

    /** What the raised alert's message must contain, or {@code null}. */
    public String messageHint() {
        return messageHint;
    }

    /** Notes the real server's flight a step answered with, whose keys open the client's records. */
    void use(ServerFlight flight) {
        this.flight = flight;
    }

    /** The real server's flight a step answered with, or {@code null}. */
    public ServerFlight flight() {
        return flight;
    }

    /** The alerts among the records the client sent after the server's last step. */
    public List<AlertDescription> alertsIn(byte[] clientOutput) {
        return ServerFlight.alertsIn(clientOutput, flight);
    }

    @Override
    public String toString() {
        return name;
    }
}
