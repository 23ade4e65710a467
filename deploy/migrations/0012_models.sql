-- Learned models, owned by the anomaly service (training) and read by the scheduler (load forecasts).
-- Every training adds a version; the latest version of a (kind, subject) is the one in use.
CREATE TABLE models (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('load_forecaster', 'isolation_forest')),
    subject       text NOT NULL,
    version       integer NOT NULL CHECK (version > 0),
    trained_from  timestamptz NOT NULL,
    trained_until timestamptz NOT NULL CHECK (trained_until >= trained_from),
    metrics       jsonb NOT NULL DEFAULT '{}'::jsonb,
    payload       bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, subject, version)
);

-- Day-ahead (and up to 48 h) load forecasts per machine, line or site, with prediction intervals.
CREATE TABLE load_forecasts (
    subject        text NOT NULL,
    origin         timestamptz NOT NULL,
    interval_start timestamptz NOT NULL,
    horizon        integer NOT NULL CHECK (horizon > 0),
    energy_kwh     double precision NOT NULL,
    lower_kwh      double precision NOT NULL,
    upper_kwh      double precision NOT NULL,
    model          text NOT NULL,
    model_version  integer,
    PRIMARY KEY (subject, origin, interval_start)
);

CREATE INDEX load_forecasts_interval ON load_forecasts (interval_start);

-- The combined anomaly score of every scored device window, for BI and for tuning thresholds.
CREATE TABLE anomaly_scores (
    device_id     text NOT NULL,
    ts            timestamptz NOT NULL,
    score         double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
    level         text NOT NULL CHECK (level IN ('normal', 'warning', 'critical', 'danger')),
    detectors     jsonb NOT NULL DEFAULT '{}'::jsonb,
    model_version integer,
    PRIMARY KEY (device_id, ts)
);

CREATE INDEX anomaly_scores_ts ON anomaly_scores (ts);

COMMENT ON TABLE models IS 'Trained models by kind and subject (device kind, device, line or site), versioned, with training window and quality metrics.';
COMMENT ON TABLE load_forecasts IS 'Energy forecasts (kWh per 15-minute interval) with prediction intervals, by forecast origin.';
COMMENT ON TABLE anomaly_scores IS 'Calibrated 0-1 anomaly score and risk level per device window, with each detector''s score in detectors.';
