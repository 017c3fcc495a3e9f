#!/usr/bin/env python3
"""Render a tmux pane capture to a PNG that looks like a real terminal.

    tmux -S SOCK capture-pane -e -p -N -t PANE > screen.ansi
    python3 scripts/ansi2png.py --cols 160 --rows 48 --out screen.png < screen.ansi

The capture is parsed with pyte into a grid of cells and every cell is drawn at its own grid
position, so a wide character takes exactly two cells and never pushes the rest of the line out
of alignment (the usual failure of HTML-based renderers). Box-drawing and block characters are
drawn as geometry so borders join seamlessly between cells, whatever the font's glyph metrics.

Needs: pyte, Pillow (PyPI) and the Debian fonts fonts-dejavu-core, fonts-wqy-microhei,
fonts-noto-color-emoji (`scripts/setup screenshots` installs them all).
"""
import argparse
import ctypes
import ctypes.util
import locale
import re
import sys
from typing import NamedTuple

try:
    import pyte
    from PIL import Image, ImageDraw, ImageFont
except ImportError as error:  # a clear message beats a traceback for a missing dependency
    sys.exit(f"ansi2png: {error.name} is missing; run scripts/setup screenshots "
             "(or: python3 -m pip install pyte pillow)")

from ansi2png_glyphs import XTERM_PALETTE, draw_geometry, has_geometry, parse_colour

FONT_DIR = "/usr/share/fonts/truetype"
MONO = {
    (False, False): f"{FONT_DIR}/dejavu/DejaVuSansMono.ttf",
    (True, False): f"{FONT_DIR}/dejavu/DejaVuSansMono-Bold.ttf",
    (False, True): f"{FONT_DIR}/dejavu/DejaVuSansMono-Oblique.ttf",
    (True, True): f"{FONT_DIR}/dejavu/DejaVuSansMono-BoldOblique.ttf",
}
# Tried in order for characters the monospace font lacks (arrows, symbols, CJK).
FALLBACKS = [f"{FONT_DIR}/dejavu/DejaVuSans.ttf", f"{FONT_DIR}/wqy/wqy-microhei.ttc"]
EMOJI = f"{FONT_DIR}/noto/NotoColorEmoji.ttf"
EMOJI_SIZE = 109  # Noto Color Emoji is a bitmap font that only loads at this size

# --- Character width ------------------------------------------------------------------------
# tmux and ncurses both place characters by glibc's wcwidth, so the renderer must use the very
# same table: the `wcwidth` module bundled with pyte follows a different Unicode version and
# would disagree on some emoji, shifting the rest of the line.
try:
    locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    _libc = ctypes.CDLL(ctypes.util.find_library("c"))
    _libc.wcwidth.argtypes = [ctypes.c_wchar]
    _libc.wcwidth.restype = ctypes.c_int

    def char_width(char):
        return _libc.wcwidth(char)
except (locale.Error, OSError, AttributeError):
    from wcwidth import wcwidth as char_width


class Cell(NamedTuple):
    """pyte's Char plus the attributes pyte 0.8.2 drops (dim, hidden). Colours are "default",
    a palette index (int) or an (r, g, b) tuple, so the palette is chosen at render time."""
    data: str
    fg: object = "default"
    bg: object = "default"
    bold: bool = False
    italics: bool = False
    underscore: bool = False
    strikethrough: bool = False
    reverse: bool = False
    blink: bool = False
    dim: bool = False
    hidden: bool = False


class CaptureScreen(pyte.Screen):
    """A pyte screen fixed for tmux captures: full SGR (dim, hidden, 256/true colour kept as
    numbers), glibc character widths, and zero-width characters (variation selectors, ZWJ)
    attached to the previous cell instead of ending the whole text run as pyte 0.8.2 does."""

    def reset(self):
        super().reset()
        self.cursor.attrs = self.default_char  # pyte starts the cursor with its own Char type

    @property
    def default_char(self):
        return Cell(data=" ", reverse=pyte.modes.DECSCNM in self.mode)

    def select_graphic_rendition(self, *params, private=False):
        attrs = self.cursor.attrs._asdict()
        params = list(params) or [0]
        i = 0
        while i < len(params):
            p = params[i]
            i += 1
            if p == 0:
                attrs.update(self.default_char._asdict(), data=attrs["data"])
            elif p in (1, 2, 3, 4, 5, 7, 8, 9, 21):
                attrs[{1: "bold", 2: "dim", 3: "italics", 4: "underscore", 5: "blink",
                       7: "reverse", 8: "hidden", 9: "strikethrough", 21: "underscore"}[p]] = True
            elif p == 22:
                attrs.update(bold=False, dim=False)
            elif p in (23, 24, 25, 27, 28, 29):
                attrs[{23: "italics", 24: "underscore", 25: "blink", 27: "reverse",
                       28: "hidden", 29: "strikethrough"}[p]] = False
            elif 30 <= p <= 37 or 90 <= p <= 97:
                attrs["fg"] = p - 30 if p < 90 else p - 90 + 8
            elif 40 <= p <= 47 or 100 <= p <= 107:
                attrs["bg"] = p - 40 if p < 100 else p - 100 + 8
            elif p == 39:
                attrs["fg"] = "default"
            elif p == 49:
                attrs["bg"] = "default"
            elif p in (38, 48, 58):
                key = {38: "fg", 48: "bg", 58: None}[p]
                colour = None
                if i < len(params) and params[i] == 5 and i + 1 < len(params):
                    colour, i = params[i + 1] & 255, i + 2
                elif i < len(params) and params[i] == 2 and i + 3 < len(params):
                    colour, i = tuple(v & 255 for v in params[i + 1:i + 4]), i + 4
                else:
                    i = len(params)  # malformed: ignore the rest rather than misread it
                if key and colour is not None:
                    attrs[key] = colour
        self.cursor.attrs = Cell(**attrs)

    def draw(self, data):
        data = data.translate(self.g1_charset if self.charset else self.g0_charset)
        for char in data:
            width = char_width(char)
            if width <= 0:
                self._attach(char)
                continue
            if self.cursor.x + width > self.columns:
                self.cursor.x = self.columns - width  # captures are line by line: never wrap
            line = self.buffer[self.cursor.y]
            line[self.cursor.x] = self.cursor.attrs._replace(data=char)
            if width == 2:
                line[self.cursor.x + 1] = self.cursor.attrs._replace(data="")
            self.cursor.x += width
        self.dirty.add(self.cursor.y)

    def _attach(self, char):
        """Zero-width characters modify the character before them (é, ❤️, 👍🏽)."""
        if char < " " or self.cursor.x == 0:
            return
        line = self.buffer[self.cursor.y]
        x = self.cursor.x - 1
        if line[x].data == "" and x > 0:
            x -= 1  # the stub cell of a wide character: attach to the character itself
        line[x] = line[x]._replace(data=line[x].data + char)


# --- Input preprocessing ----------------------------------------------------------------------
SEQUENCE = re.compile(r"\x1b\[[0-9;:?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.|[\x0e\x0f]")
DEC_GRAPHICS = dict(zip("`afgjklmnopqrstuvwxyz{|}~",
                        "◆▒°±┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·"))


def normalise(text):
    """Rewrites what pyte 0.8.2 cannot parse into what it can: SGR with colon sub-parameters
    (`4:3`, `38:2::r:g:b`) would end the sequence at the colon and print the rest as text, and
    tmux marks line-drawing cells with SO/SI, which pyte ignores in UTF-8 mode."""
    out, shifted, pos = [], False, 0
    for match in SEQUENCE.finditer(text):
        plain = text[pos:match.start()]
        out.append("".join(DEC_GRAPHICS.get(c, c) for c in plain) if shifted else plain)
        pos = match.end()
        seq = match.group()
        if seq == "\x0e" or seq == "\x0f":
            shifted = seq == "\x0e"
        elif seq.startswith("\x1b[") and seq.endswith("m") and ":" in seq:
            out.append("\x1b[" + ";".join(_flatten_sgr(seq[2:-1])) + "m")
        elif seq.startswith("\x1b[") or seq.startswith("\x1b]"):
            out.append(seq)
        # other two-character escapes (charset designations, keypad modes) have nothing to show
    plain = text[pos:]
    out.append("".join(DEC_GRAPHICS.get(c, c) for c in plain) if shifted else plain)
    return "".join(out)


def _flatten_sgr(params):
    result = []
    for part in params.split(";"):
        sub = part.split(":")
        if len(sub) == 1:
            result.append(part)
        elif sub[0] == "4":  # underline style: 4:0 is off, any other style is an underline
            result.append("24" if sub[1:] == ["0"] else "4")
        elif sub[0] in ("38", "48") and len(sub) >= 3:
            values = [v for v in sub[1:] if v != ""]
            if values[0] == "2" and len(sub) >= 6:  # 38:2:[colourspace]:r:g:b
                values = ["2"] + sub[-3:]
            result.append(";".join([sub[0]] + values))
        # 58 (underline colour) and unknown sub-parameter forms are dropped
    return [r for r in result if r != ""] or ["0"]


def parse_capture(text, cols, rows):
    """Feeds each captured line at its own row: tmux ends lines with a bare newline and a full
    line would otherwise wrap in pyte and shift everything below it."""
    screen = CaptureScreen(cols, rows)
    stream = pyte.Stream(screen)
    for y, line in enumerate(normalise(text).split("\n")[:rows]):
        stream.feed(f"\x1b[{y + 1};1H" + line.rstrip("\r"))
    return screen


# --- Rendering --------------------------------------------------------------------------------
class Fonts:
    """Picks a font per character: DejaVu Sans Mono (bold/oblique variants), then fallbacks
    for what it lacks, then Noto Color Emoji. Coverage is tested by comparing the glyph with the
    font's 'missing glyph' box, which needs nothing beyond Pillow."""

    def __init__(self, size):
        self.size = size
        self.mono = {key: ImageFont.truetype(path, size) for key, path in MONO.items()}
        self.fallbacks = [ImageFont.truetype(path, size) for path in FALLBACKS if _exists(path)]
        self.emoji = ImageFont.truetype(EMOJI, EMOJI_SIZE) if _exists(EMOJI) else None
        regular = self.mono[(False, False)]
        self.cell_width = round(regular.getlength("M"))
        ascent, descent = regular.getmetrics()
        self.ascent, self.cell_height = ascent, ascent + descent
        self._missing = {}
        self._choice = {}

    def _covers(self, font, char):
        if font not in self._missing:
            self._missing[font] = bytes(font.getmask("\U000F0000"))  # a private-use code point
        return bytes(font.getmask(char)) != self._missing[font]

    def pick(self, text, bold, italic):
        """Returns (font, is_colour_emoji) for the text of one cell."""
        key = (text, bold, italic)
        if key not in self._choice:
            base = text[0]
            wants_emoji = "\ufe0f" in text or (char_width(base) == 2 and ord(base) >= 0x1F000)
            choice = (self.emoji, True) if wants_emoji and self.emoji else None
            candidates = [self.mono[(bold, italic)]] + self.fallbacks
            for font in candidates if choice is None else []:
                if self._covers(font, base):
                    choice = (font, False)
                    break
            if choice is None:
                choice = (self.emoji, True) if self.emoji and self._covers(self.emoji, base) \
                    else (self.mono[(bold, italic)], False)
            self._choice[key] = choice
        return self._choice[key]


def _exists(path):
    try:
        open(path, "rb").close()
        return True
    except OSError:
        return False


class Renderer:
    def __init__(self, fonts, fg, bg, palette=XTERM_PALETTE, bold_is_bright=False):
        self.fonts, self.fg, self.bg = fonts, fg, bg
        self.palette, self.bold_is_bright = palette, bold_is_bright
        self._emoji_cache = {}

    def colours(self, cell):
        fg = self._resolve(cell.fg, self.fg, cell.bold)
        bg = self._resolve(cell.bg, self.bg, False)
        if cell.reverse:
            fg, bg = bg, fg
        if cell.dim:
            fg = tuple(round(b + (f - b) * 0.55) for f, b in zip(fg, bg))
        if cell.hidden:
            fg = bg
        return fg, bg

    def _resolve(self, colour, default, bold):
        if colour == "default":
            return default
        if isinstance(colour, int):
            if bold and self.bold_is_bright and colour < 8:
                colour += 8  # xterm's boldColors: bold text in the 8 base colours turns bright
            return self.palette[colour]
        return colour

    def render(self, screen, origin, image):
        draw = ImageDraw.Draw(image)
        cw, ch = self.fonts.cell_width, self.fonts.cell_height
        ox, oy = origin
        for row in range(screen.lines):
            line = screen.buffer[row]
            y = oy + row * ch
            for col in range(screen.columns):
                cell = line[col]
                if cell.data == "":
                    continue  # the second half of a wide character, drawn with its first half
                fg, bg = self.colours(cell)
                wide = col + 1 < screen.columns and line[col + 1].data == ""
                x, width = ox + col * cw, cw * (2 if wide else 1)
                if bg != self.bg:
                    draw.rectangle([x, y, x + width - 1, y + ch - 1], fill=bg)
                if cell.data.strip() and not cell.hidden:
                    self._glyph(image, draw, cell, x, y, width, fg, bg)
                if cell.underscore:
                    uy = y + self.fonts.ascent + max(1, ch // 12)
                    draw.rectangle([x, uy, x + width - 1, uy + max(0, ch // 18)], fill=fg)
                if cell.strikethrough:
                    sy = y + ch // 2
                    draw.rectangle([x, sy, x + width - 1, sy + max(0, ch // 18)], fill=fg)

    def _glyph(self, image, draw, cell, x, y, width, fg, bg):
        cw, ch = self.fonts.cell_width, self.fonts.cell_height
        if len(cell.data) == 1 and has_geometry(cell.data):
            draw_geometry(draw, cell.data, x, y, cw, ch, fg, bg)
            return
        font, emoji = self.fonts.pick(cell.data, cell.bold, cell.italics)
        if emoji:
            image.alpha_composite(self._emoji(cell.data, width, ch), (x, y))
            return
        text = cell.data.replace("\ufe0e", "")
        if font.getlength(text) > width * 1.15:  # a too-wide fallback glyph: shrink, never spill
            font = font.font_variant(size=max(6, int(font.size * width / font.getlength(text))))
        draw.text((x + width / 2, y + self.fonts.ascent), text, font=font, fill=fg, anchor="ms")
        if cell.bold and font not in self.fonts.mono.values():
            draw.text((x + width / 2 + 1, y + self.fonts.ascent), text, font=font, fill=fg,
                      anchor="ms")  # fallback fonts have no bold face here: overstrike

    def _emoji(self, text, width, height):
        key = (text, width, height)
        if key not in self._emoji_cache:
            font = self.fonts.emoji
            box = font.getbbox(text)
            size = (max(box[2], 1), max(box[3], 1))
            glyph = Image.new("RGBA", size, (0, 0, 0, 0))
            ImageDraw.Draw(glyph).text((0, 0), text, font=font, embedded_color=True)
            glyph = glyph.crop(glyph.getbbox() or (0, 0, 1, 1))
            scale = min((width - 1) / glyph.width, (height - 2) / glyph.height)
            glyph = glyph.resize((max(1, round(glyph.width * scale)),
                                  max(1, round(glyph.height * scale))), Image.LANCZOS)
            tile = Image.new("RGBA", (width, height), (0, 0, 0, 0))
            tile.alpha_composite(glyph, ((width - glyph.width) // 2, (height - glyph.height) // 2))
            self._emoji_cache[key] = tile
        return self._emoji_cache[key]


def draw_cursor(image, renderer, screen, origin, position):
    """Draws a block cursor: tmux knows where it is, the capture does not carry it."""
    col, row = position
    if not (0 <= col < screen.columns and 0 <= row < screen.lines):
        return
    cw, ch = renderer.fonts.cell_width, renderer.fonts.cell_height
    x, y = origin[0] + col * cw, origin[1] + row * ch
    ImageDraw.Draw(image).rectangle([x, y, x + cw - 1, y + ch - 1], outline=renderer.fg)


def draw_title_bar(image, height, title, fg, bg):
    """A window title bar with the three traffic-light buttons, for README screenshots."""
    draw = ImageDraw.Draw(image)
    shade = tuple(round(c * 0.85 + (255 if sum(bg) < 384 else 0) * 0.15) for c in bg)
    draw.rectangle([0, 0, image.width - 1, height - 1], fill=shade)
    r = height // 5
    for i, colour in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
        cx = height // 2 + i * (3 * r + 4)
        draw.ellipse([cx - r, height // 2 - r, cx + r, height // 2 + r], fill=colour)
    if title:
        font = ImageFont.truetype(FALLBACKS[0], max(10, height // 2))
        draw.text((image.width / 2, height / 2), title, font=font, fill=fg, anchor="mm")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cols", type=int, required=True, help="terminal width in cells")
    parser.add_argument("--rows", type=int, required=True, help="terminal height in cells")
    parser.add_argument("--out", required=True, help="PNG file to write")
    parser.add_argument("--input", help="capture file (default: standard input)")
    parser.add_argument("--font-size", type=int, default=15, help="pixels (default 15)")
    parser.add_argument("--bg", default="#1c1e24", help="default background (#rrggbb)")
    parser.add_argument("--fg", default="#d8dae0", help="default foreground (#rrggbb)")
    parser.add_argument("--bold-is-bright", action="store_true",
                        help="show bold text in colours 0-7 in their bright variants, like xterm")
    parser.add_argument("--padding", type=int, default=10, help="margin around the grid, pixels")
    parser.add_argument("--title", help="draw a window title bar with this title")
    parser.add_argument("--cursor", help="draw a cursor at COL,ROW (0-based)")
    args = parser.parse_args(argv)

    raw = open(args.input, "rb").read() if args.input else sys.stdin.buffer.read()
    screen = parse_capture(raw.decode("utf-8", errors="replace"), args.cols, args.rows)
    fonts = Fonts(args.font_size)
    fg, bg = parse_colour(args.fg), parse_colour(args.bg)
    renderer = Renderer(fonts, fg, bg, bold_is_bright=args.bold_is_bright)
    bar = round(fonts.cell_height * 1.8) if args.title is not None else 0
    pad = args.padding
    size = (args.cols * fonts.cell_width + 2 * pad, args.rows * fonts.cell_height + 2 * pad + bar)
    image = Image.new("RGBA", size, bg + (255,))
    if bar:
        draw_title_bar(image, bar, args.title, fg, bg)
    renderer.render(screen, (pad, pad + bar), image)
    if args.cursor:
        col, row = (int(v) for v in args.cursor.split(","))
        draw_cursor(image, renderer, screen, (pad, pad + bar), (col, row))
    image.convert("RGB").save(args.out, optimize=True)


if __name__ == "__main__":
    main()
