import Foundation
import Operations

/// Reads `--exception-file`: a path, or `-` for stdin. Main thread only.
enum ErrorInput {
    /// Exceptions bigger than this are refused: an error database is not a log store.
    static let maxBytes = 1 << 20

    static func read(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw OperationsError.invalidInput("cannot read --exception-file '\(path)': check the path and its permissions")
            }
            data = contents
        }
        guard data.count <= maxBytes else {
            throw OperationsError.invalidInput(
                "the exception text is \(data.count) bytes, more than \(maxBytes): record the first lines instead")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
