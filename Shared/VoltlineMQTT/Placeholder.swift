// Placeholder until the VoltlineMQTT wrapper lands.
