import CMosquitto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MQTTError {
    /// An error for a failed libmosquitto call.
    ///
    /// - Parameters:
    ///   - rc: the `MOSQ_ERR_*` return code.
    ///   - systemError: `errno` read right after the call, used when `rc` is `MOSQ_ERR_ERRNO`.
    static func mosquitto(
        _ rc: Int32, function: String, systemError: Int32 = 0, file: String = #fileID, line: Int = #line
    ) -> MQTTError {
        let code: Code
        switch mosq_err_t(rawValue: rc) {
        case MOSQ_ERR_NO_CONN: code = .notConnected
        case MOSQ_ERR_CONN_REFUSED: code = .connectionRefused
        case MOSQ_ERR_CONN_LOST, MOSQ_ERR_KEEPALIVE: code = .connectionLost
        case MOSQ_ERR_ERRNO, MOSQ_ERR_EAI, MOSQ_ERR_LOOKUP: code = .unreachable
        case MOSQ_ERR_TLS, MOSQ_ERR_TLS_HANDSHAKE, MOSQ_ERR_OCSP: code = .tls
        case MOSQ_ERR_PAYLOAD_SIZE, MOSQ_ERR_OVERSIZE_PACKET: code = .payloadTooLarge
        case MOSQ_ERR_INVAL, MOSQ_ERR_MALFORMED_UTF8, MOSQ_ERR_QOS_NOT_SUPPORTED: code = .invalidArgument
        case MOSQ_ERR_AUTH, MOSQ_ERR_ACL_DENIED: code = .notAuthorized
        case MOSQ_ERR_TIMEOUT: code = .timeout
        case MOSQ_ERR_PROTOCOL, MOSQ_ERR_MALFORMED_PACKET, MOSQ_ERR_DUPLICATE_PROPERTY: code = .protocolError
        default: code = .library
        }
        let text =
            rc == MOSQ_ERR_ERRNO.rawValue && systemError != 0
            ? String(cString: strerror(systemError)) : String(cString: mosquitto_strerror(rc))
        return MQTTError(
            code, "\(function) failed", libraryCode: Int(rc), codeDescription: text, function: function,
            file: file, line: line)
    }

    /// An error for a CONNACK with a failure code (an MQTT 5 reason code, or a 3.1.1 return code).
    static func connectionRefused(
        _ reasonCode: Int32, protocolVersion: MQTTConfiguration.ProtocolVersion, file: String = #fileID,
        line: Int = #line
    ) -> MQTTError {
        let notAuthorized: Bool
        let text: String
        switch protocolVersion {
        case .v5:
            // 0x86 bad user name or password, 0x87 not authorized, 0x8C bad authentication method.
            notAuthorized = [0x86, 0x87, 0x8C].contains(reasonCode)
            text = String(cString: mosquitto_reason_string(reasonCode))
        case .v311:
            // 4 bad user name or password, 5 not authorized.
            notAuthorized = reasonCode == 4 || reasonCode == 5
            text = String(cString: mosquitto_connack_string(reasonCode))
        }
        return MQTTError(
            notAuthorized ? .notAuthorized : .connectionRefused, "broker refused the connection",
            reasonCode: Int(reasonCode), codeDescription: text, file: file, line: line)
    }

    /// An error for a SUBACK or PUBACK reason code of 0x80 or above.
    static func rejected(
        _ code: Code, _ message: String, reasonCode: Int32, file: String = #fileID, line: Int = #line
    ) -> MQTTError {
        MQTTError(
            code, message, reasonCode: Int(reasonCode),
            codeDescription: String(cString: mosquitto_reason_string(reasonCode)), file: file, line: line)
    }
}
