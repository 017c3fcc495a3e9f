import Dashboard
import Foundation
import Operations

/// The dashboard's `x`: the same Markdown report as `opsdeck incident export --since <window>`,
/// for the window the panes show (`:from`/`:to` when set),
/// written to `opsdeck-incident-<UTC time>.md` in the current directory (or `$TMPDIR` when that
/// is not writable). Runs on the poller's queue with its connection; answers with a message.
enum IncidentFile {
    static func write(_ env: OpsEnvironment, since: Date, until: Date?, module: SearchModule?, endpoint: String) -> Message {
        let now = env.now()
        let report = IncidentReport.collect(env, endpoint: endpoint, since: since, until: until, module: module)
        let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "")
        let name = "opsdeck-incident-\(stamp).md"
        let data = Data(IncidentRenderer.markdown(report).utf8)
        var lastError = ""
        let directories = [FileManager.default.currentDirectoryPath, NSTemporaryDirectory()]
        for directory in directories {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            do {
                try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
                return .incidentExported(path: path, error: nil)
            } catch {
                lastError = error.localizedDescription
            }
        }
        return .incidentExported(path: nil, error: lastError)
    }
}
