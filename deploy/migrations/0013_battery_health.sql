-- Battery health (issue 5): cycle features from the features service, state of health, remaining life and
-- thermal-runaway risk from the anomaly service, and the versioned state-of-health models they use.

-- One row per finished charge segment of a pack (features service). Natural key: pack and start time.
CREATE TABLE battery_cycle_features (
    device_id              text NOT NULL,
    started_at             timestamptz NOT NULL,
    ended_at               timestamptz NOT NULL,
    equivalent_full_cycles double precision,
    soc_capacity_ah        double precision,
    charged_ah             double precision NOT NULL,
    window_ah              double precision,
    cc_ah                  double precision NOT NULL,
    cv_ah                  double precision NOT NULL,
    start_voltage_v        double precision NOT NULL,
    ic_peak_v              double precision,
    ic_peak_ah_per_v       double precision,
    resistance_ohm         double precision,
    temperature_rise_c_per_min double precision NOT NULL,
    rejection              text,
    features               jsonb NOT NULL,
    PRIMARY KEY (device_id, started_at)
);

-- Trained state-of-health models; the anomaly service uses the newest.
CREATE TABLE battery_health_models (
    version           text PRIMARY KEY,
    trained_at        timestamptz NOT NULL,
    trained_on        text[] NOT NULL,
    sample_count      integer NOT NULL CHECK (sample_count > 0),
    rated_capacity_ah double precision NOT NULL CHECK (rated_capacity_ah > 0),
    model             jsonb NOT NULL,
    stored_at         timestamptz NOT NULL DEFAULT now()
);

-- One estimate per accepted charge (anomaly service).
CREATE TABLE battery_health (
    device_id           text NOT NULL,
    estimated_at        timestamptz NOT NULL,
    equivalent_full_cycles double precision NOT NULL,
    soh_model           double precision,
    soh_plain           double precision NOT NULL,
    model_version       text REFERENCES battery_health_models (version),
    eol_threshold       double precision NOT NULL,
    eol_cycles          double precision,
    eol_cycles_low      double precision,
    eol_cycles_high     double precision,
    eol_date            timestamptz,
    eol_date_low        timestamptz,
    eol_date_high       timestamptz,
    PRIMARY KEY (device_id, estimated_at)
);

-- Thermal-runaway risk, one row per change of a pack's level (anomaly service).
CREATE TABLE battery_risk (
    device_id   text NOT NULL,
    ts          timestamptz NOT NULL,
    level       text NOT NULL CHECK (level IN ('normal', 'warning', 'critical', 'danger')),
    findings    jsonb NOT NULL,
    precursors  jsonb NOT NULL,
    PRIMARY KEY (device_id, ts)
);

-- For BI: each pack's latest health, remaining life and risk.
CREATE VIEW battery_health_latest AS
SELECT DISTINCT ON (device_id) * FROM battery_health ORDER BY device_id, estimated_at DESC;

CREATE VIEW battery_risk_latest AS
SELECT DISTINCT ON (device_id) * FROM battery_risk ORDER BY device_id, ts DESC;

CREATE VIEW battery_pack_status AS
SELECT d.device_id, h.estimated_at, COALESCE(h.soh_model, h.soh_plain) AS soh, h.eol_cycles,
    h.eol_cycles - h.equivalent_full_cycles AS remaining_cycles, h.eol_date, r.level AS risk_level, r.ts AS risk_since
FROM devices d
LEFT JOIN battery_health_latest h USING (device_id)
LEFT JOIN battery_risk_latest r USING (device_id)
WHERE d.kind = 'battery_pack';

COMMENT ON TABLE battery_cycle_features IS 'Features of each finished charge segment of a pack (coulomb counting, voltage window, dQ/dV, IR, heating).';
COMMENT ON TABLE battery_health IS 'State of health (0-1) per accepted charge, with the remaining-life estimate and its 5-95 % band.';
COMMENT ON TABLE battery_risk IS 'Thermal-runaway risk level of a pack each time it changes, with the precursors behind it.';
