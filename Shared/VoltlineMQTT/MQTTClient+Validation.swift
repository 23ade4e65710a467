import CMosquitto

extension MQTTClient {
    /// Checks a topic name for publishing: not empty, no wildcards, at most 65,535 bytes, no NUL.
    static func validate(topic: String) throws(MQTTError) {
        guard !topic.isEmpty, !topic.utf8.contains(0), MosquittoLibrary.succeeded(mosquitto_pub_topic_check2(topic, topic.utf8.count))
        else {
            throw MQTTError(.invalidTopic, "invalid topic name (empty, too long, or contains + or #)")
        }
    }

    /// Checks a topic filter for subscribing: wildcards only as whole levels, `#` only last.
    static func validate(filter: String) throws(MQTTError) {
        guard !filter.isEmpty, !filter.utf8.contains(0), MosquittoLibrary.succeeded(mosquitto_sub_topic_check2(filter, filter.utf8.count))
        else {
            throw MQTTError(.invalidTopic, "invalid topic filter (empty, too long, or misplaced wildcard)")
        }
    }
}
