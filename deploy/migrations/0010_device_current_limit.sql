-- Battery packs' datasheet current limit: the over-current rule's threshold (a C-rate default guessed
-- from capacity raised false alarms on packs built for high currents).
ALTER TABLE devices ADD COLUMN max_current_a double precision CHECK (max_current_a > 0);

COMMENT ON COLUMN devices.max_current_a IS 'Battery packs: largest continuous charge or discharge current in A (datasheet).';
