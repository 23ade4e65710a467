/// How well anomaly scores rank labelled anomalies above normal rows.
public enum RankingQuality {
    /// ROC AUC: the probability that a random anomaly scores above a random normal row (Mann–Whitney U,
    /// ties count half). `nan` when either class is absent.
    public static func areaUnderROC(scores: [Double], labels: [Bool]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var position = 0
        while position < order.count {
            var end = position
            while end + 1 < order.count, scores[order[end + 1]] == scores[order[position]] { end += 1 }
            let averageRank = Double(position + end) / 2 + 1
            for index in order[position...end] where labels[index] { rankSum += averageRank }
            position = end + 1
        }
        let positives = Double(labels.filter { $0 }.count)
        let negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0 else { return .nan }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }
}
