-- Raw readings, owned by ingest. Partitioned by event day so retention drops whole partitions; a
-- default partition catches anything outside the prepared days, so an accepted reading is never
-- refused for lack of a partition. Natural key (device_id, ts): replays and duplicates are no-ops.
CREATE TABLE readings (
    device_id           text NOT NULL,
    ts                  timestamptz NOT NULL,
    seq                 bigint,
    kind                text NOT NULL CHECK (kind IN ('machine', 'battery_pack')),
    -- machines
    active_power_kw     double precision,
    reactive_power_kvar double precision,
    power_factor        double precision,
    energy_kwh          double precision,
    -- both kinds
    voltage_v           double precision,
    current_a           double precision,
    -- battery packs
    temperature_c       double precision,
    soc_pct             double precision,
    cell_voltage_min_v  double precision,
    cell_voltage_max_v  double precision,
    cell_temp_min_c     double precision,
    cell_temp_max_c     double precision,
    received_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (device_id, ts)
) PARTITION BY RANGE (ts);

CREATE TABLE readings_default PARTITION OF readings DEFAULT;

-- Creates the daily partitions covering [first_day, last_day]; safe to call repeatedly.
CREATE FUNCTION voltline_ensure_reading_partitions(first_day date, last_day date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    day date := first_day;
    name text;
BEGIN
    WHILE day <= last_day LOOP
        name := format('readings_%s', to_char(day, 'YYYYMMDD'));
        IF to_regclass(name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF readings FOR VALUES FROM (%L) TO (%L)',
                           name, day::timestamptz, (day + 1)::timestamptz);
        END IF;
        day := day + 1;
    END LOOP;
END $$;

-- Drops daily partitions entirely older than keep_days; returns how many were dropped.
CREATE FUNCTION voltline_drop_old_reading_partitions(keep_days integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    part record;
    dropped integer := 0;
BEGIN
    FOR part IN
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'readings'::regclass AND c.relname ~ '^readings_[0-9]{8}$'
          AND to_date(substr(c.relname, 10), 'YYYYMMDD') < current_date - keep_days
    LOOP
        EXECUTE format('DROP TABLE %I', part.relname);
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END $$;

SELECT voltline_ensure_reading_partitions(current_date - 7, current_date + 7);

CREATE INDEX readings_ts ON readings (ts);

COMMENT ON TABLE readings IS 'Every accepted reading, in canonical units (kW, kvar, V, A, degC, %, kWh). Event time in ts.';
COMMENT ON COLUMN readings.current_a IS 'Battery packs: positive = charging, negative = discharging.';

-- Kafka consumer progress kept with the results it produced: a sink commits its next offsets in the
-- same transaction as its rows, so a killed and restarted sink resumes exactly where its rows end.
CREATE TABLE stream_offsets (
    consumer_group  text NOT NULL,
    topic           text NOT NULL,
    partition       integer NOT NULL,
    next_offset     bigint NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, partition)
);

COMMENT ON TABLE stream_offsets IS 'Next Kafka offset to read per consumer group and partition, written with the results.';
