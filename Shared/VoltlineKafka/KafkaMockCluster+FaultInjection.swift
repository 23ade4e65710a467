import CRdKafka

extension KafkaMockCluster {
    /// A Kafka protocol request type, to aim injected errors at.
    public struct APIKey: Hashable, Sendable {
        let rawValue: Int16
        public static let produce = APIKey(rawValue: 0)
        public static let fetch = APIKey(rawValue: 1)
        public static let listOffsets = APIKey(rawValue: 2)
        public static let metadata = APIKey(rawValue: 3)
        public static let offsetCommit = APIKey(rawValue: 8)
        public static let offsetFetch = APIKey(rawValue: 9)
        public static let findCoordinator = APIKey(rawValue: 10)
        public static let joinGroup = APIKey(rawValue: 11)
        public static let heartbeat = APIKey(rawValue: 12)
        public static let syncGroup = APIKey(rawValue: 14)
        public static let initProducerID = APIKey(rawValue: 22)
    }

    /// A broker error response to inject.
    public struct BrokerError: Hashable, Sendable {
        let err: rd_kafka_resp_err_t
        public static let leaderNotAvailable = BrokerError(err: RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE)
        public static let notLeaderForPartition = BrokerError(err: RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION)
        public static let requestTimedOut = BrokerError(err: RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT)
        public static let notEnoughReplicas = BrokerError(err: RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS)
        public static let coordinatorNotAvailable = BrokerError(err: RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE)
        public static let notCoordinator = BrokerError(err: RD_KAFKA_RESP_ERR_NOT_COORDINATOR)
        public static let rebalanceInProgress = BrokerError(err: RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS)
        public static let messageTooLarge = BrokerError(err: RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE)
    }

    /// Makes the next requests of type `apiKey` (to any broker) fail with `errors`, one per request.
    public func pushRequestErrors(_ errors: [BrokerError], for apiKey: APIKey) {
        let codes = errors.map(\.err)
        rd_kafka_mock_push_request_errors_array(cluster.pointer, apiKey.rawValue, codes.count, codes)
    }

    /// Forgets the injected errors not yet used for `apiKey`.
    public func clearRequestErrors(for apiKey: APIKey) {
        rd_kafka_mock_clear_request_errors(cluster.pointer, apiKey.rawValue)
    }

    /// Takes a broker down: its connections are closed and new ones refused until ``setBrokerUp(_:)``.
    /// - Parameter brokerID: 1 through the number of brokers.
    public func setBrokerDown(_ brokerID: Int) throws {
        let err = rd_kafka_mock_broker_set_down(cluster.pointer, Int32(brokerID))
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(err, function: "rd_kafka_mock_broker_set_down")
        }
    }

    /// Brings a broker taken down by ``setBrokerDown(_:)`` back.
    public func setBrokerUp(_ brokerID: Int) throws {
        let err = rd_kafka_mock_broker_set_up(cluster.pointer, Int32(brokerID))
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(err, function: "rd_kafka_mock_broker_set_up") }
    }
}
