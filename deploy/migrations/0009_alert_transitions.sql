-- Alerts: an outbox column for publishing alert events, and the transitions people make (through the api),
-- as functions owned by the alerts service so that every path writes its alert_events row the same way.
ALTER TABLE alert_events ADD COLUMN published_at timestamptz;

-- Events that existed before the outbox are history, not news.
UPDATE alert_events SET published_at = at;

CREATE INDEX alert_events_unpublished ON alert_events (id) WHERE published_at IS NULL;

COMMENT ON COLUMN alert_events.published_at IS 'When the alerts service sent the event to Kafka and MQTT; NULL = not yet.';

-- active -> acknowledged. False when the alert does not exist or is not active.
CREATE FUNCTION voltline_acknowledge_alert(alert_id bigint, actor text, note text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    changed alerts%ROWTYPE;
BEGIN
    UPDATE alerts SET state = 'acknowledged', acknowledged_at = now(),
                      acknowledged_by = voltline_acknowledge_alert.actor
    WHERE id = voltline_acknowledge_alert.alert_id AND state = 'active'
    RETURNING * INTO changed;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO alert_events (alert_id, event, level, state, actor, note)
    VALUES (changed.id, 'acknowledged', changed.level, changed.state, voltline_acknowledge_alert.actor,
            voltline_acknowledge_alert.note);
    RETURN true;
END $$;

-- active or acknowledged -> resolved. False when the alert does not exist or is already resolved.
CREATE FUNCTION voltline_resolve_alert(alert_id bigint, actor text, note text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    changed alerts%ROWTYPE;
BEGIN
    UPDATE alerts SET state = 'resolved', resolved_at = now(), resolved_by = voltline_resolve_alert.actor
    WHERE id = voltline_resolve_alert.alert_id AND state <> 'resolved'
    RETURNING * INTO changed;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO alert_events (alert_id, event, level, state, actor, note)
    VALUES (changed.id, 'resolved', changed.level, changed.state, voltline_resolve_alert.actor,
            voltline_resolve_alert.note);
    RETURN true;
END $$;

COMMENT ON FUNCTION voltline_acknowledge_alert(bigint, text, text) IS 'Acknowledge an active alert; false if not allowed.';
COMMENT ON FUNCTION voltline_resolve_alert(bigint, text, text) IS 'Resolve an open alert by hand; false if already resolved.';
