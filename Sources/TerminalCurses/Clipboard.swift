import Foundation

/// The terminal's clipboard through OSC 52 (`ESC ] 52 ; c ; <base64> BEL`): works over SSH
/// and in tmux with `set -g set-clipboard on` (tmux then sets its buffer and forwards it to the
/// outer terminal). No DCS passthrough wrapping inside tmux: tmux only passes DCS through with
/// `allow-passthrough on` (off by default), while `set-clipboard` handles OSC 52 natively
/// (docs/DECISIONS.md). Stateless; callable from any thread (the write is one `write(2)`).
public enum Clipboard {
    /// The OSC 52 sequence that puts `text` (its UTF-8 bytes) on the clipboard.
    public static func osc52(_ text: String) -> [UInt8] {
        let payload = Data(text.utf8).base64EncodedString()
        return Array("\u{1B}]52;c;\(payload)\u{07}".utf8)
    }

    /// Writes the sequence for `text` to `fd` in full (retrying short writes and EINTR).
    /// False when the descriptor refused it.
    @discardableResult
    public static func write(_ text: String, to fd: Int32) -> Bool {
        let bytes = osc52(text)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            sent += n
        }
        return true
    }
}
