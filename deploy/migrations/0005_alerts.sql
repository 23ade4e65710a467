-- Alerts, owned by the alerts service: one open alert per device and rule (dedup), with the history
-- of every transition in alert_events.
CREATE TABLE alerts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_id       text NOT NULL,
    rule            text NOT NULL,
    level           text NOT NULL CHECK (level IN ('warning', 'critical', 'danger')),
    state           text NOT NULL CHECK (state IN ('active', 'acknowledged', 'resolved')),
    message         text NOT NULL,
    first_seen_at   timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    occurrences     integer NOT NULL DEFAULT 1,
    acknowledged_at timestamptz,
    acknowledged_by text,
    resolved_at     timestamptz,
    resolved_by     text
);

CREATE UNIQUE INDEX alerts_one_open_per_device_rule ON alerts (device_id, rule) WHERE state <> 'resolved';
CREATE INDEX alerts_state ON alerts (state, last_seen_at DESC);

CREATE TABLE alert_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id    bigint NOT NULL REFERENCES alerts (id),
    at          timestamptz NOT NULL DEFAULT now(),
    event       text NOT NULL CHECK (event IN ('raised', 'escalated', 'acknowledged', 'resolved', 'auto_resolved')),
    level       text NOT NULL,
    state       text NOT NULL,
    actor       text NOT NULL,
    note        text
);

CREATE INDEX alert_events_alert ON alert_events (alert_id, at);

COMMENT ON TABLE alerts IS 'Alert lifecycle: active -> acknowledged -> resolved; at most one open alert per device and rule.';
COMMENT ON TABLE alert_events IS 'Every alert transition, who made it and when.';
