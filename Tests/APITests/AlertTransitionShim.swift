import VoltlinePostgres

/// TEST SHIM, not production code: stand-ins for the alerts service's `voltline_acknowledge_alert` and
/// `voltline_resolve_alert`, installed only when `deploy/migrations` does not provide them yet. Same
/// signature and contract: `true` when the transition was applied (and recorded in `alert_events`), `false`
/// when the alert does not exist or its state forbids it (active → acknowledged → resolved; active → resolved).
enum AlertTransitionShim {
    static func install(on connection: PostgresConnection) async throws {
        let existing = try await connection.query(
            "SELECT to_regproc('voltline_acknowledge_alert') IS NOT NULL AS ack, to_regproc('voltline_resolve_alert') IS NOT NULL AS res")
        if let row = existing.first, try row.decode(Bool.self, at: 0), try row.decode(Bool.self, at: 1) { return }
        try await connection.execute(
            """
            CREATE FUNCTION voltline_acknowledge_alert(alert_id bigint, actor text, note text) RETURNS boolean
            LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE alerts SET state = 'acknowledged', acknowledged_at = now(), acknowledged_by = actor
                WHERE id = alert_id AND state = 'active';
                IF NOT FOUND THEN RETURN false; END IF;
                INSERT INTO alert_events (alert_id, event, level, state, actor, note)
                SELECT id, 'acknowledged', level, state, actor, note FROM alerts WHERE id = alert_id;
                RETURN true;
            END $$
            """)
        try await connection.execute(
            """
            CREATE FUNCTION voltline_resolve_alert(alert_id bigint, actor text, note text) RETURNS boolean
            LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE alerts SET state = 'resolved', resolved_at = now(), resolved_by = actor
                WHERE id = alert_id AND state IN ('active', 'acknowledged');
                IF NOT FOUND THEN RETURN false; END IF;
                INSERT INTO alert_events (alert_id, event, level, state, actor, note)
                SELECT id, 'resolved', level, state, actor, note FROM alerts WHERE id = alert_id;
                RETURN true;
            END $$
            """)
    }
}
