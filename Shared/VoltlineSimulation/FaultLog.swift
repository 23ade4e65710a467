/// The faults injected into one device, past and present.
struct FaultLog: Sendable, Hashable {
    /// Every injection in order; a cleared fault keeps its record.
    private(set) var records: [FaultRecord] = []

    /// The record of `kind` acting at `timeMillis`, if any.
    func active(_ kind: FaultKind, at timeMillis: Int64) -> FaultRecord? {
        records.last { $0.kind == kind && $0.isActive(at: timeMillis) }
    }

    /// Starts `kind` at `timeMillis`, unless a record of it is still open (it keeps its onset).
    mutating func inject(_ kind: FaultKind, at timeMillis: Int64) {
        guard !records.contains(where: { $0.kind == kind && $0.clearedMillis == nil }) else { return }
        records.append(FaultRecord(kind: kind, onsetMillis: timeMillis))
    }

    /// Ends the open record of `kind` at `timeMillis` (or at its onset, if that is later).
    mutating func clear(_ kind: FaultKind, at timeMillis: Int64) {
        guard let index = records.lastIndex(where: { $0.kind == kind && $0.clearedMillis == nil }) else { return }
        records[index].clearedMillis = max(timeMillis, records[index].onsetMillis)
    }
}
