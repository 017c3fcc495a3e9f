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
        // Columns as wide as their longest entry plus two spaces, so "Toggles pane" never runs
        // into its keys ("Toggles paneSpace", issue 25).
        let whereWidth = KeyContext.allCases.map(\.title.count).max()! + 2
        let keysWidth = keymap.bindings.map(\.keyLabel.count).max()! + 2
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
                    print(
                        context.title.padding(toLength: whereWidth, withPad: " ", startingAt: 0)
                            + keys.padding(toLength: keysWidth, withPad: " ", startingAt: 0) + binding.description)
                }
            }
        }
    }
}
