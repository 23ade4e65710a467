// Placeholder until the VoltlineAnalytics library lands.
