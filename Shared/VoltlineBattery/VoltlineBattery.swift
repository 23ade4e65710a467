// VoltlineBattery: placeholder until its first type lands.
