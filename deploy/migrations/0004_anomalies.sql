-- Anomalies, owned by the anomaly service: rule findings and statistical outliers per reading.
CREATE TABLE anomalies (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_id   text NOT NULL,
    ts          timestamptz NOT NULL,
    source      text NOT NULL CHECK (source IN ('rule', 'statistic', 'model')),
    rule        text NOT NULL,
    level       text NOT NULL CHECK (level IN ('normal', 'warning', 'critical', 'danger')),
    score       double precision NOT NULL,
    value       double precision,
    threshold   double precision,
    message     text NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (device_id, rule, ts)
);

CREATE INDEX anomalies_ts ON anomalies (ts);

COMMENT ON TABLE anomalies IS 'Every finding of the anomaly service; level normal rows record that a condition cleared.';
