// Placeholder until the VoltlineKafka wrapper lands.
