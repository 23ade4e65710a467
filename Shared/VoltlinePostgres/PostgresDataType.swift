/// A PostgreSQL data type, identified by its OID (`pg_type.oid`).
public struct PostgresDataType: Sendable, Hashable, CustomStringConvertible {
    /// The type's OID.
    public let oid: UInt32

    /// Wraps a type OID.
    public init(oid: UInt32) { self.oid = oid }

    /// `bool`
    public static let bool = PostgresDataType(oid: 16)
    /// `bytea`
    public static let bytea = PostgresDataType(oid: 17)
    /// `name`
    public static let name = PostgresDataType(oid: 19)
    /// `int8` (`bigint`)
    public static let int8 = PostgresDataType(oid: 20)
    /// `int2` (`smallint`)
    public static let int2 = PostgresDataType(oid: 21)
    /// `int4` (`integer`)
    public static let int4 = PostgresDataType(oid: 23)
    /// `text`
    public static let text = PostgresDataType(oid: 25)
    /// `float4` (`real`)
    public static let float4 = PostgresDataType(oid: 700)
    /// `float8` (`double precision`)
    public static let float8 = PostgresDataType(oid: 701)
    /// `unknown`, the type of an untyped literal
    public static let unknown = PostgresDataType(oid: 705)
    /// `bpchar` (`char(n)`)
    public static let bpchar = PostgresDataType(oid: 1042)
    /// `varchar`
    public static let varchar = PostgresDataType(oid: 1043)
    /// `timestamp` (without time zone)
    public static let timestamp = PostgresDataType(oid: 1114)
    /// `timestamptz`
    public static let timestamptz = PostgresDataType(oid: 1184)
    /// `numeric`
    public static let numeric = PostgresDataType(oid: 1700)
    /// `uuid`
    public static let uuid = PostgresDataType(oid: 2950)

    private static let names: [PostgresDataType: String] = [
        .bool: "bool", .bytea: "bytea", .name: "name", .int8: "int8", .int2: "int2", .int4: "int4", .text: "text",
        .float4: "float4", .float8: "float8", .unknown: "unknown", .bpchar: "bpchar", .varchar: "varchar",
        .timestamp: "timestamp", .timestamptz: "timestamptz", .numeric: "numeric", .uuid: "uuid",
    ]

    /// The type's name for the built-in types above, else `oid <n>`.
    public var description: String { Self.names[self] ?? "oid \(oid)" }
}
