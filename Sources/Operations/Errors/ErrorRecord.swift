import Foundation

/// One recorded error (docs/DATA-MODEL.md), as read from a search result or an error hash.
///
/// Fields are read as a map because their order differs between documents; a record whose hash
/// is gone (RediSearch 1.2 still returns its id, with no fields) keeps its id, time and the
/// toggle named in the id, with empty fields. An immutable value; `Sendable`. JSON keys are the
/// property names and never change.
public struct ErrorRecord: Sendable, Hashable, Codable, Identifiable {
    /// The document id without the key prefix: `<toggle>:<MM-DD-YY-HH-MM-SS>` for records in the
    /// services' format.
    public var id: String
    /// The Redis key holding the record's hash.
    public var key: String
    public var toggleName: String
    public var toggleValue: String
    public var fingerPrint: String
    public var exceptionBody: String
    /// When it happened, from the id's time suffix (UTC); nil when the id has none.
    public var time: Date?
    /// Every field of the hash, including the four above and any others services add.
    public var fields: [String: String]

    public init(
        id: String, key: String, toggleName: String = "", toggleValue: String = "", fingerPrint: String = "",
        exceptionBody: String = "", time: Date? = nil, fields: [String: String] = [:]
    ) {
        self.id = id
        self.key = key
        self.toggleName = toggleName
        self.toggleValue = toggleValue
        self.fingerPrint = fingerPrint
        self.exceptionBody = exceptionBody
        self.time = time
        self.fields = fields
    }

    /// A record from a document's field map; the time comes from the id.
    public init(id: String, key: String, fields: [String: String]) {
        self.init(
            id: id, key: key,
            toggleName: fields[ErrorField.toggleName.rawValue] ?? ErrorID.toggle(of: id),
            toggleValue: fields[ErrorField.toggleValue.rawValue] ?? "",
            fingerPrint: fields[ErrorField.fingerPrint.rawValue] ?? "",
            exceptionBody: fields[ErrorField.exceptionBody.rawValue] ?? "",
            time: ErrorID.time(of: id),
            fields: fields)
    }

    /// The first non-empty line of the exception, trimmed: what a table row shows.
    public var firstLine: String {
        for line in exceptionBody.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { return trimmed }
        }
        return ""
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, key, toggleName, toggleValue, fingerPrint, exceptionBody, time, fields
    }

    /// Writes every key, `time` as null when unknown, so the JSON shape never changes.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .id: id
            case .key: key
            case .toggleName: toggleName
            case .toggleValue: toggleValue
            case .fingerPrint: fingerPrint
            case .exceptionBody: exceptionBody
            case .time: time
            case .fields: fields
            }
        }
    }

    /// The value of one of the four known fields.
    public func value(of field: ErrorField) -> String {
        switch field {
        case .toggleName: return toggleName
        case .toggleValue: return toggleValue
        case .fingerPrint: return fingerPrint
        case .exceptionBody: return exceptionBody
        }
    }
}
