"""Colours and geometric glyphs for ansi2png.py.

Box-drawing (U+2500-257F) and block elements (U+2580-259F) are drawn as rectangles computed from
the cell size, not taken from a font: font glyphs rarely fill the cell exactly, which leaves gaps
between the cells of a border. Every cell puts its lines at the same offsets, so neighbours join.
"""
import unicodedata


def _xterm_palette():
    """xterm's default 256 colours: 16 system colours, a 6x6x6 cube, a 24-step grey ramp."""
    base = ["000000", "cd0000", "00cd00", "cdcd00", "0000ee", "cd00cd", "00cdcd", "e5e5e5",
            "7f7f7f", "ff0000", "00ff00", "ffff00", "5c5cff", "ff00ff", "00ffff", "ffffff"]
    colours = [tuple(int(h[i:i + 2], 16) for i in (0, 2, 4)) for h in base]
    steps = [0, 95, 135, 175, 215, 255]
    colours += [(steps[r], steps[g], steps[b]) for r in range(6) for g in range(6) for b in range(6)]
    colours += [(8 + 10 * i,) * 3 for i in range(24)]
    return colours


XTERM_PALETTE = _xterm_palette()


def parse_colour(text):
    """'#rrggbb' or 'rrggbb' -> (r, g, b)."""
    text = text.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {text!r}")
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


# --- Box drawing ------------------------------------------------------------------------------
LIGHT, HEAVY, DOUBLE = 1, 2, 3
_WEIGHTS = {"LIGHT": LIGHT, "SINGLE": LIGHT, "HEAVY": HEAVY, "DOUBLE": DOUBLE}
_DIRECTIONS = {"LEFT": "l", "RIGHT": "r", "UP": "u", "DOWN": "d",
               "HORIZONTAL": "lr", "VERTICAL": "ud"}


def _arms_from_name(name):
    """Reads the arms of a box-drawing character from its Unicode name, which spells them out:
    'LIGHT DOWN AND RIGHT', 'DOWN LIGHT AND RIGHT HEAVY', 'VERTICAL SINGLE AND LEFT DOUBLE'.
    A weight written in a group applies to that group; a group without one inherits the weight
    of the group before it. Returns ({'l'|'r'|'u'|'d': weight}, dashes)."""
    words = name.replace("BOX DRAWINGS ", "").split()
    dashes = {"DOUBLE DASH": 2, "TRIPLE DASH": 3, "QUADRUPLE DASH": 4}
    joined = " ".join(words)
    for phrase, count in dashes.items():
        if phrase in joined:
            weight = _WEIGHTS[words[0]]
            return {d: weight for d in _DIRECTIONS[words[-1]]}, count
    arms, weight = {}, LIGHT
    for group in joined.split(" AND "):
        tokens = group.split()
        named = [_WEIGHTS[t] for t in tokens if t in _WEIGHTS]
        if named:
            weight = named[0]
        for token in tokens:
            for d in _DIRECTIONS.get(token, ""):
                arms[d] = weight
    return arms, 0


_BOX = {}
for _code in range(0x2500, 0x2570):
    _BOX[chr(_code)] = _arms_from_name(unicodedata.name(chr(_code)))
for _code in range(0x2574, 0x2580):
    _BOX[chr(_code)] = _arms_from_name(unicodedata.name(chr(_code)))
_ARCS = {"╭": "rd", "╮": "ld", "╯": "lu", "╰": "ru"}
_DIAGONALS = {"╱": (1,), "╲": (2,), "╳": (1, 2)}

# --- Block elements: (x0, y0, x1, y1) fractions of the cell, or a shade level -------------------
_BLOCKS = {"▀": [(0, 0, 1, .5)], "█": [(0, 0, 1, 1)], "▐": [(.5, 0, 1, 1)],
           "▔": [(0, 0, 1, 1 / 8)], "▕": [(7 / 8, 0, 1, 1)]}
for _i in range(1, 8):
    _BLOCKS[chr(0x2580 + _i)] = [(0, 1 - _i / 8, 1, 1)]        # ▁▂▃▄▅▆▇ lower eighths
    _BLOCKS[chr(0x2590 - _i)] = [(0, 0, _i / 8, 1)]            # ▏▎▍▌▋▊▉ left eighths
_Q = {"ul": (0, 0, .5, .5), "ur": (.5, 0, 1, .5), "ll": (0, .5, .5, 1), "lr": (.5, .5, 1, 1)}
for _char, _parts in zip("▖▗▘▙▚▛▜▝▞▟", ["ll", "lr", "ul", "ul ll lr", "ul lr", "ul ur ll",
                                           "ul ur lr", "ur", "ur ll", "ur ll lr"]):
    _BLOCKS[_char] = [_Q[p] for p in _parts.split()]
_SHADES = {"░": .25, "▒": .5, "▓": .75}


def has_geometry(char):
    return char in _BOX or char in _ARCS or char in _DIAGONALS or char in _BLOCKS or char in _SHADES


def _mix(fg, bg, amount):
    return tuple(round(b + (f - b) * amount) for f, b in zip(fg, bg))


def draw_geometry(draw, char, x, y, w, h, fg, bg):
    """Draws `char` into the cell at (x, y) of size w x h; the background is already filled."""
    if char in _SHADES:
        draw.rectangle([x, y, x + w - 1, y + h - 1], fill=_mix(fg, bg, _SHADES[char]))
    elif char in _BLOCKS:
        for fx0, fy0, fx1, fy1 in _BLOCKS[char]:
            x0, y0 = x + round(fx0 * w), y + round(fy0 * h)
            x1, y1 = x + round(fx1 * w) - 1, y + round(fy1 * h) - 1
            if x1 >= x0 and y1 >= y0:
                draw.rectangle([x0, y0, x1, y1], fill=fg)
    elif char in _ARCS:
        _draw_arc(draw, _ARCS[char], x, y, w, h, fg)
    elif char in _DIAGONALS:
        t = _thickness(w)[LIGHT]
        for kind in _DIAGONALS[char]:
            line = [(x + w, y), (x, y + h)] if kind == 1 else [(x, y), (x + w, y + h)]
            draw.line(line, fill=fg, width=t)
    else:
        arms, dashes = _BOX[char]
        _draw_arms(draw, arms, dashes, x, y, w, h, fg, bg)


def _thickness(w):
    light = max(1, round(w / 9))
    return {LIGHT: light, HEAVY: max(light + 1, round(w / 4)), DOUBLE: light}


def _draw_arms(draw, arms, dashes, x, y, w, h, fg, bg):
    thick = _thickness(w)
    cx, cy = x + w // 2, y + h // 2
    gap = max(2, thick[LIGHT] + 1)  # distance of each line of a double line from the centre
    for d, weight in arms.items():
        t = thick[weight]
        lo, hi = -(t // 2), t - t // 2 - 1  # pixels the line covers either side of its axis
        toward = 1 if d in "rd" else -1     # +1 when the arm runs to the right/bottom edge
        sides = "ud" if d in "lr" else "lr"
        if weight == DOUBLE:
            lines = [(-gap, _double_start(arms, d, sides[0], sides[1], gap, t)),
                     (gap, _double_start(arms, d, sides[1], sides[0], gap, t))]
        else:
            lines = [(0, _joint_reach(arms, sides, thick, gap))]
        for offset, start in lines:
            if d in "lr":
                near, far = cx - toward * start, (x + w - 1 if toward > 0 else x)
                x0, x1 = sorted((near, far))
                draw.rectangle([x0, cy + offset + lo, x1, cy + offset + hi], fill=fg)
            else:
                near, far = cy - toward * start, (y + h - 1 if toward > 0 else y)
                y0, y1 = sorted((near, far))
                draw.rectangle([cx + offset + lo, y0, cx + offset + hi, y1], fill=fg)
    if dashes:
        _cut_dashes(draw, arms, dashes, x, y, w, h, bg)


def _joint_reach(arms, sides, thick, gap):
    """How far past the centre a single or heavy arm runs, so it covers the crossing lines."""
    weights = [arms[s] for s in sides if s in arms]
    if not weights:
        return 0
    if DOUBLE in weights:
        return gap + thick[LIGHT] // 2
    return max(thick[wt] // 2 for wt in weights)


def _double_start(arms, d, side, other_side, gap, t):
    """Where one line of a double arm starts, as a distance back past the centre (negative:
    it stops before the centre). `side` is the side of the arm this line runs along."""
    if side in arms:  # a crossing arm on this line's side: stop at its nearest line
        return -gap if arms[side] == DOUBLE else 0
    if _opposite(d) in arms:
        return 0  # the arm continues the other way: meet its line at the centre
    # An outer corner: reach the far line of the crossing arm (or the single line itself).
    return gap + t // 2 if arms.get(other_side) == DOUBLE else t // 2


def _opposite(d):
    return {"l": "r", "r": "l", "u": "d", "d": "u"}[d]


def _cut_dashes(draw, arms, dashes, x, y, w, h, bg):
    """Dashed lines: draw the solid line, then clear a gap after each of `dashes` segments."""
    horizontal = "l" in arms
    length = w if horizontal else h
    for i in range(dashes):
        start = round((i + 1) * length / dashes) - max(1, length // (dashes * 3))
        end = round((i + 1) * length / dashes) - 1
        if horizontal:
            draw.rectangle([x + start, y, x + end, y + h - 1], fill=bg)
        else:
            draw.rectangle([x, y + start, x + w - 1, y + end], fill=bg)


def _draw_arc(draw, dirs, x, y, w, h, fg):
    """Rounded corners (╭╮╯╰): a quarter circle between the two arms, same thickness."""
    t = _thickness(w)[LIGHT]
    cx, cy = x + w // 2, y + h // 2
    r = max(2, min(w, h) // 2)
    lo = -(t // 2)
    hx = 1 if "r" in dirs else -1
    vy = 1 if "d" in dirs else -1
    # Arc centre sits r pixels from the cell centre toward both arms.
    ax, ay = cx + hx * r, cy + vy * r
    box = [ax - r + lo, ay - r + lo, ax + r + lo + t - 1, ay + r + lo + t - 1]
    start = {(1, 1): 180, (-1, 1): 270, (-1, -1): 0, (1, -1): 90}[(hx, vy)]
    draw.arc(box, start, start + 90, fill=fg, width=t)
    # Straight parts from the arc's ends to the cell edges.
    x_edge = x + w - 1 if hx > 0 else x
    draw.rectangle([min(ax, x_edge), cy + lo, max(ax, x_edge), cy + lo + t - 1], fill=fg)
    y_edge = y + h - 1 if vy > 0 else y
    draw.rectangle([cx + lo, min(ay, y_edge), cx + lo + t - 1, max(ay, y_edge)], fill=fg)
