-- Device registry: every gateway-reported device, registered by an admin or automatically by ingest
-- (by policy). Owned by ingest; read by every other service and by BI tools.
CREATE TABLE devices (
    device_id        text PRIMARY KEY CHECK (device_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
    kind             text NOT NULL CHECK (kind IN ('machine', 'battery_pack')),
    site             text NOT NULL DEFAULT 'default',
    line             text,
    display_name     text,
    -- Battery packs only: chemistry family and nameplate data used by rules and health models.
    chemistry        text CHECK (chemistry IN ('NMC', 'NCA', 'LFP')),
    capacity_ah      double precision CHECK (capacity_ah > 0),
    cells_series     integer CHECK (cells_series > 0),
    cells_parallel   integer CHECK (cells_parallel > 0),
    -- Machines only: rated power, used for range checks and scheduling.
    rated_power_kw   double precision CHECK (rated_power_kw > 0),
    auto_registered  boolean NOT NULL DEFAULT false,
    registered_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at     timestamptz
);

CREATE INDEX devices_site_line ON devices (site, line);

COMMENT ON TABLE devices IS 'Registry of machines (power meters) and battery packs reporting to Voltline.';
COMMENT ON COLUMN devices.kind IS 'machine = power-metered machine; battery_pack = Li-ion pack with BMS.';
COMMENT ON COLUMN devices.chemistry IS 'Cell chemistry of a battery pack: NMC, NCA or LFP.';
