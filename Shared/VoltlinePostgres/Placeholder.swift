// Placeholder until the VoltlinePostgres wrapper lands.
