import CCurses
import Dashboard

/// Turns what `wget_wch` returned into a `Key`. Stateless; pure apart from reading the ncurses
/// key-code constants, so it can be tested without a terminal.
enum KeyDecoder {
    static func decode(kind: Int32, code: Int32) -> Key? {
        switch kind {
        case Int32(CCURSES_KEY_CHAR): return decodeCharacter(code)
        case Int32(CCURSES_KEY_FUNCTION): return decodeFunction(code)
        default: return nil
        }
    }

    static func decodeCharacter(_ code: Int32) -> Key {
        switch code {
        case 27: return .escape
        case 13, 10: return .enter
        case 9: return .tab
        case 127, 8: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + code))))
        case 0, 28...31: return .unknown
        default:
            // ncurses decodes UTF-8 input for us; anything still not a valid scalar is noise.
            guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return .unknown }
            if (0x80..<0xA0).contains(scalar.value) { return .unknown }
            return .char(Character(scalar))
        }
    }

    static func decodeFunction(_ code: Int32) -> Key {
        switch code {
        case ccurses_key_resize(): return .resize
        case ccurses_key_btab(): return .backTab
        case ccurses_key_up(): return .up
        case ccurses_key_down(): return .down
        case ccurses_key_left(): return .left
        case ccurses_key_right(): return .right
        case ccurses_key_home(): return .home
        case ccurses_key_end(): return .end
        case ccurses_key_ppage(): return .pageUp
        case ccurses_key_npage(): return .pageDown
        case ccurses_key_backspace(): return .backspace
        case ccurses_key_dc(): return .delete
        case ccurses_key_enter(): return .enter
        default:
            let f0 = ccurses_key_f0()
            if code > f0 && code <= f0 + 63 { return .function(Int(code - f0)) }
            return .unknown
        }
    }
}
