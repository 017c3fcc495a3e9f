import ArgumentParser
import Dashboard

/// `opsdeck keys`: the dashboard's key bindings, from the same keymap data that drives the
/// dashboard and its `?` help overlay (docs/keys.md is this command's output).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List the dashboard's key bindings (--markdown for a table).")

    @Flag(name: .long, help: "Print a Markdown table.")
    var markdown = false

    func run() {
        let keymap = Keymap.standard
        if markdown {
            print("| Where | Keys | Does |")
            print("|---|---|---|")
        }
        for context in KeyContext.allCases {
            for binding in keymap.bindings(in: context) {
                let keys = binding.keyLabel.replacingOccurrences(of: "|", with: "\\|")
                if markdown {
                    print("| \(context.title) | `\(keys)` | \(binding.description) |")
                } else {
                    print(context.title.padding(toLength: 12, withPad: " ", startingAt: 0)
                          + keys.padding(toLength: 16, withPad: " ", startingAt: 0) + binding.description)
                }
            }
        }
    }
}
