-- Tariffs and energy cost, owned by the scheduler.
CREATE TABLE tariffs (
    name        text PRIMARY KEY,
    currency    text NOT NULL DEFAULT 'EUR',
    timezone    text NOT NULL DEFAULT 'UTC',
    definition  jsonb NOT NULL,
    active      boolean NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX tariffs_one_active ON tariffs (active) WHERE active;

CREATE TABLE energy_costs (
    device_id       text NOT NULL,
    interval_start  timestamptz NOT NULL,
    site            text NOT NULL,
    line            text,
    tariff          text NOT NULL,
    period          text NOT NULL,
    energy_kwh      double precision NOT NULL,
    price_per_kwh   double precision NOT NULL,
    cost            double precision NOT NULL,
    PRIMARY KEY (device_id, interval_start)
);

CREATE INDEX energy_costs_interval ON energy_costs (interval_start);

COMMENT ON TABLE energy_costs IS 'Energy cost per machine per 15-minute interval under the tariff active when it was priced.';

-- BI views: stable names and columns for Grafana, Metabase, Superset.
CREATE VIEW bi_energy_cost_daily AS
SELECT date_trunc('day', interval_start) AS day, site, line, device_id,
       sum(energy_kwh) AS energy_kwh, sum(cost) AS cost, max(tariff) AS tariff
FROM energy_costs GROUP BY 1, 2, 3, 4;

CREATE VIEW bi_energy_cost_by_site_period AS
SELECT date_trunc('day', interval_start) AS day, site, period,
       sum(energy_kwh) AS energy_kwh, sum(cost) AS cost
FROM energy_costs GROUP BY 1, 2, 3;

CREATE VIEW bi_open_alerts AS
SELECT a.id, a.device_id, d.kind, d.site, d.line, a.rule, a.level, a.state, a.message,
       a.first_seen_at, a.last_seen_at, a.occurrences
FROM alerts a LEFT JOIN devices d USING (device_id)
WHERE a.state <> 'resolved';

COMMENT ON VIEW bi_energy_cost_daily IS 'Energy (kWh) and cost per machine, line and site per day.';
COMMENT ON VIEW bi_energy_cost_by_site_period IS 'Energy and cost per site per day per tariff period (peak, shoulder, off-peak).';
COMMENT ON VIEW bi_open_alerts IS 'Alerts not yet resolved, with device kind, site and line.';
