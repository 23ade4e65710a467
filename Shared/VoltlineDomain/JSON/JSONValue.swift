/// A parsed JSON value, as ``JSONParser`` produces it.
///
/// Objects keep their members in document order (a later duplicate key wins in ``subscript(_:)``), and integer
/// literals keep their exact value besides the `Double`, so epoch milliseconds and sequence numbers lose nothing.
public enum JSONValue: Sendable, Equatable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A number; `exact` holds the value of an integer literal that fits in `Int64`.
    case number(Double, exact: Int64?)
    case bool(Bool)
    case null

    /// The member named `key` of an object (the last one, if repeated); nil when absent or not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The JSON type's name, for error messages.
    public var typeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a, let x), .number(let b, let y)): a == b && x == y
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }
}
