// Placeholder until the VoltlineSimulation library lands.
