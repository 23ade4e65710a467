-- Features, owned by the features service. Each window is written once, when its watermark passes;
-- natural keys make a replay after a restart a no-op.
CREATE TABLE features_1m (
    device_id        text NOT NULL,
    window_start     timestamptz NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('machine', 'battery_pack')),
    samples          integer NOT NULL CHECK (samples > 0),
    -- machines: active power (kW); packs: voltage (V)
    mean_power_kw    double precision,
    min_power_kw     double precision,
    max_power_kw     double precision,
    energy_kwh       double precision,
    mean_voltage_v   double precision,
    min_voltage_v    double precision,
    max_voltage_v    double precision,
    mean_current_a   double precision,
    max_temperature_c double precision,
    mean_soc_pct     double precision,
    max_cell_voltage_spread_v double precision,
    charge_ah        double precision,
    stats            jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (device_id, window_start)
);

CREATE INDEX features_1m_window ON features_1m (window_start);

CREATE TABLE energy_15m (
    device_id        text NOT NULL,
    interval_start   timestamptz NOT NULL,
    energy_kwh       double precision NOT NULL,
    demand_kw        double precision NOT NULL,
    peak_kw          double precision,
    samples          integer NOT NULL,
    completeness     double precision NOT NULL CHECK (completeness BETWEEN 0 AND 1),
    PRIMARY KEY (device_id, interval_start)
);

CREATE INDEX energy_15m_interval ON energy_15m (interval_start);

CREATE TABLE battery_segments (
    device_id        text NOT NULL,
    started_at       timestamptz NOT NULL,
    ended_at         timestamptz NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('charge', 'discharge', 'rest')),
    charge_ah        double precision NOT NULL,
    energy_kwh       double precision NOT NULL,
    soc_start_pct    double precision,
    soc_end_pct      double precision,
    voltage_min_v    double precision,
    voltage_max_v    double precision,
    temperature_start_c double precision,
    temperature_max_c double precision,
    temperature_rise_c_per_min double precision,
    mean_current_a   double precision,
    details          jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (device_id, started_at)
);

COMMENT ON TABLE features_1m IS 'One-minute event-time windows per device; machine power in kW, pack voltage in V.';
COMMENT ON TABLE energy_15m IS 'Energy (kWh) and demand (average kW) per machine per 15-minute interval, aligned to :00/:15/:30/:45 UTC.';
COMMENT ON TABLE battery_segments IS 'Charge, discharge and rest segments of battery packs with throughput and temperature rise.';
