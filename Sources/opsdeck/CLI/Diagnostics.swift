import Foundation
import Logging

/// Where swift-log output goes. Subcommands log to stderr (level from `OPSDECK_LOG_LEVEL`,
/// default warning). The dashboard owns the terminal: a line on stderr would scroll and corrupt
/// the screen, so there logging is off — connection problems are shown in the status bar instead.
enum Diagnostics {
    static func bootstrap(interactive: Bool) {
        let level = ProcessInfo.processInfo.environment["OPSDECK_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            if interactive { return SwiftLogNoOpLogHandler() }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
