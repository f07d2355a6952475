#!/usr/bin/env python3
"""Renders a tmux pane captured with `tmux capture-pane -p -e` into a PNG.

The capture is the pane's text with SGR sequences for its attributes; this draws it
cell by cell on a grid of the pane's size: 8, 16 and 256 colours and 24-bit colour,
bold, dim, italic, underline, reverse, strikethrough, the VT100 line-drawing set
(between SO and SI, as tmux prints it for TERM=vt100), and wide characters (CJK,
emoji) over two cells, with the widths tmux gives them (wcwidth).

Fonts, first that has the glyph: DejaVu Sans Mono (fonts-dejavu-core), DejaVu Sans,
WenQuanYi Micro Hei (fonts-wqy-microhei) for CJK, Noto Color Emoji
(fonts-noto-color-emoji) for emoji. Needs Pillow, fontTools and wcwidth
(scripts/screenshots installs them into a private venv).

usage: ansi-to-png.py CAPTURE OUT.png --cols 120 --rows 40 [--cursor X,Y]
"""
import argparse
import glob
import os
import re
import sys
import unicodedata

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont
from wcwidth import wcwidth

FONT_SIZE = 16
PADDING = 12
DEFAULT_FG = (0xD4, 0xD4, 0xD4)
DEFAULT_BG = (0x16, 0x18, 0x1D)
# The 16 ANSI colours (a Tango-like palette, as most terminal themes ship).
ANSI16 = [
    (0x2E, 0x34, 0x36), (0xCC, 0x00, 0x00), (0x4E, 0x9A, 0x06), (0xC4, 0xA0, 0x00),
    (0x34, 0x65, 0xA4), (0x75, 0x50, 0x7B), (0x06, 0x98, 0x9A), (0xD3, 0xD7, 0xCF),
    (0x55, 0x57, 0x53), (0xEF, 0x29, 0x29), (0x8A, 0xE2, 0x34), (0xFC, 0xE9, 0x4F),
    (0x72, 0x9F, 0xCF), (0xAD, 0x7F, 0xA8), (0x34, 0xE2, 0xE2), (0xEE, 0xEE, 0xEC),
]
# VT100 line drawing (ESC ( 0): the letters tmux prints between SO and SI.
ACS = {
    "j": "┘", "k": "┐", "l": "┌", "m": "└", "n": "┼", "q": "─", "t": "├", "u": "┤",
    "v": "┴", "w": "┬", "x": "│", "a": "▒", "`": "◆", "f": "°", "g": "±", "~": "·",
    "o": "⎺", "s": "⎽", "p": "⎻", "r": "⎼", "y": "≤", "z": "≥", "{": "π", "|": "≠",
    "}": "£", "0": "█", "h": "▒", "+": "→", ",": "←", "-": "↑", ".": "↓", "i": "␋",
}


def palette256(n):
    if n < 16:
        return ANSI16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return (level, level, level)


class Style:
    __slots__ = ("fg", "bg", "bold", "dim", "italic", "underline", "reverse", "strike")

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = self.strike = False

    def copy(self):
        other = Style()
        for name in self.__slots__:
            setattr(other, name, getattr(self, name))
        return other

    def apply(self, params):
        values = [int(p) if p.isdigit() else 0 for p in re.split(r"[;:]", params)] if params else [0]
        i = 0
        while i < len(values):
            v = values[i]
            if v == 0:
                self.reset()
            elif v == 1:
                self.bold = True
            elif v == 2:
                self.dim = True
            elif v == 3:
                self.italic = True
            elif v == 4:
                self.underline = True
            elif v == 7:
                self.reverse = True
            elif v == 9:
                self.strike = True
            elif v == 22:
                self.bold = self.dim = False
            elif v == 23:
                self.italic = False
            elif v == 24:
                self.underline = False
            elif v == 27:
                self.reverse = False
            elif v == 29:
                self.strike = False
            elif 30 <= v <= 37:
                self.fg = ANSI16[v - 30]
            elif 40 <= v <= 47:
                self.bg = ANSI16[v - 40]
            elif 90 <= v <= 97:
                self.fg = ANSI16[v - 90 + 8]
            elif 100 <= v <= 107:
                self.bg = ANSI16[v - 100 + 8]
            elif v == 39:
                self.fg = None
            elif v == 49:
                self.bg = None
            elif v in (38, 48) and i + 1 < len(values):
                if values[i + 1] == 5 and i + 2 < len(values):
                    colour = palette256(values[i + 2] % 256)
                    i += 2
                elif values[i + 1] == 2 and i + 4 < len(values):
                    colour = tuple(c % 256 for c in values[i + 2:i + 5])
                    i += 4
                else:
                    colour = None
                    i += 1
                if v == 38:
                    self.fg = colour
                else:
                    self.bg = colour
            i += 1


class Cell:
    __slots__ = ("text", "style", "width")

    def __init__(self, text, style, width):
        self.text, self.style, self.width = text, style, width


ESCAPE = re.compile(r"\x1b(?:\[([0-9;:?]*)([@-~])|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|.)")


def parse(capture, cols, rows):
    """The grid: rows × cols of Cell or None (the right half of a wide character)."""
    grid = [[Cell(" ", Style(), 1) for _ in range(cols)] for _ in range(rows)]
    style = Style()
    for y, line in enumerate(capture.split("\n")[:rows]):
        x = 0
        acs = False
        i = 0
        while i < len(line):
            ch = line[i]
            if ch == "\x1b":
                match = ESCAPE.match(line, i)
                if match:
                    if match.group(2) == "m":
                        style.apply(match.group(1))
                    i = match.end()
                    continue
                i += 1
                continue
            i += 1
            if ch == "\x0e":
                acs = True
                continue
            if ch == "\x0f":
                acs = False
                continue
            if acs:
                ch = ACS.get(ch, ch)
            width = wcwidth(ch)
            if width < 0:
                continue
            if width == 0:
                # A combining mark or joiner: part of the character before it.
                if x > 0:
                    previous = grid[y][x - 1] or grid[y][x - 2]
                    previous.text += ch
                continue
            if x + width > cols:
                break
            grid[y][x] = Cell(ch, style.copy(), width)
            if width == 2:
                grid[y][x + 1] = None
            x += width
        # The style goes on to the next line, as in the terminal.
    return grid


def find_font(*patterns):
    for pattern in patterns:
        for directory in ("/usr/share/fonts", "/usr/local/share/fonts", os.path.expanduser("~/.fonts")):
            hits = sorted(glob.glob(os.path.join(directory, "**", pattern), recursive=True))
            if hits:
                return hits[0]
    return None


class Fonts:
    def __init__(self, size):
        mono = find_font("DejaVuSansMono.ttf")
        if mono is None:
            sys.exit("ansi-to-png: DejaVu Sans Mono not found (apt-get install fonts-dejavu-core)")
        self.mono = {
            (False, False): ImageFont.truetype(mono, size),
            (True, False): ImageFont.truetype(find_font("DejaVuSansMono-Bold.ttf") or mono, size),
            (False, True): ImageFont.truetype(find_font("DejaVuSansMono-Oblique.ttf") or mono, size),
            (True, True): ImageFont.truetype(find_font("DejaVuSansMono-BoldOblique.ttf") or mono, size),
        }
        ascent, descent = self.mono[(False, False)].getmetrics()
        self.cell_w = round(self.mono[(False, False)].getlength("M"))
        self.cell_h = ascent + descent
        self.size = size
        self.coverage = {mono: self._cmap(mono)}
        self.fallbacks = []  # (path, cmap, font, is_emoji)
        for pattern, emoji in (
            ("DejaVuSans.ttf", False), ("wqy-microhei.ttc", False), ("wqy-zenhei.ttc", False),
            ("NotoSansCJK-Regular.ttc", False), ("NotoColorEmoji.ttf", True),
        ):
            path = find_font(pattern)
            if path is None:
                continue
            try:
                font = ImageFont.truetype(path, 109 if emoji else size)
            except OSError:
                continue
            self.fallbacks.append((path, self._cmap(path), font, emoji))
        self.mono_path = mono
        self.emoji_cache = {}

    @staticmethod
    def _cmap(path):
        font = TTFont(path, fontNumber=0, lazy=True)
        return set(font.getBestCmap() or {})

    def pick(self, text, bold, italic):
        """(font, is_emoji) for a cell's text: the first font with its base character."""
        code = ord(text[0])
        if code in self.coverage[self.mono_path]:
            return self.mono[(bold, italic)], False
        for _path, cmap, font, emoji in self.fallbacks:
            if code in cmap:
                return font, emoji
        return self.mono[(bold, italic)], False

    def emoji(self, text, font, width, height):
        key = (text, width, height)
        if key not in self.emoji_cache:
            canvas = Image.new("RGBA", (160, 160), (0, 0, 0, 0))
            ImageDraw.Draw(canvas).text((0, 0), text, font=font, embedded_color=True)
            box = canvas.getbbox()
            if box is None:
                self.emoji_cache[key] = None
            else:
                glyph = canvas.crop(box)
                scale = min(width / glyph.width, height / glyph.height)
                size = (max(1, round(glyph.width * scale)), max(1, round(glyph.height * scale)))
                self.emoji_cache[key] = glyph.resize(size, Image.LANCZOS)
        return self.emoji_cache[key]


DIRECTIONS = {"UP": ("up",), "DOWN": ("down",), "LEFT": ("left",), "RIGHT": ("right",),
              "HORIZONTAL": ("left", "right"), "VERTICAL": ("up", "down")}
WEIGHTS = {"LIGHT": 1, "SINGLE": 1, "HEAVY": 2, "DOUBLE": 3}


def box_arms(char):
    """{direction: weight} for a box-drawing line character, from its Unicode name
    ("BOX DRAWINGS LIGHT DOWN AND RIGHT", "... DOWN SINGLE AND RIGHT DOUBLE",
    "... HEAVY LEFT AND LIGHT RIGHT"); None for dashes and diagonals (left to the font)."""
    name = unicodedata.name(char, "")
    if not name.startswith("BOX DRAWINGS ") or "DASH" in name or "DIAGONAL" in name:
        return None
    words = [w for w in name[len("BOX DRAWINGS "):].split() if w not in ("AND", "ARC")]
    arms, pending, weight = {}, [], None
    prefix = words[0] in WEIGHTS
    for word in words:
        if word in WEIGHTS:
            weight = WEIGHTS[word]
            if not prefix:
                for direction in pending:
                    arms[direction] = weight
                pending = []
        elif word in DIRECTIONS:
            if prefix:
                for direction in DIRECTIONS[word]:
                    arms[direction] = weight
            else:
                pending.extend(DIRECTIONS[word])
        else:
            return None
    return arms or None


def draw_box(draw, char, left, top, cw, ch, fg):
    """Box-drawing lines drawn as rectangles, so they meet across cells pixel-exactly."""
    arms = box_arms(char)
    if arms is None:
        return False
    cx, cy = left + cw // 2, top + ch // 2
    right, bottom = left + cw - 1, top + ch - 1
    reach = max((1 if w == 3 else (1 if w == 2 else 0)) for w in arms.values())
    for direction, weight in arms.items():
        offsets = (-1, 1) if weight == 3 else ((-1, 0, 1) if weight == 2 else (0,))
        for o in offsets:
            if direction == "left":
                draw.rectangle([left, cy + o, cx + reach, cy + o], fill=fg)
            elif direction == "right":
                draw.rectangle([cx - reach, cy + o, right, cy + o], fill=fg)
            elif direction == "up":
                draw.rectangle([cx + o, top, cx + o, cy + reach], fill=fg)
            else:
                draw.rectangle([cx + o, cy - reach, cx + o, bottom], fill=fg)
    return True


def draw_block(draw, char, left, top, cw, ch, fg, bg):
    """Block elements (U+2580-U+259F: eighths, halves, quadrants, shades) as rectangles."""
    code = ord(char)
    if not 0x2580 <= code <= 0x259F:
        return False
    right, bottom = left + cw, top + ch  # exclusive
    def fill(x0, y0, x1, y1, colour=fg):
        if x1 > x0 and y1 > y0:
            draw.rectangle([x0, y0, x1 - 1, y1 - 1], fill=colour)
    if code == 0x2580:
        fill(left, top, right, top + ch // 2)
    elif 0x2581 <= code <= 0x2588:
        fill(left, bottom - round(ch * (code - 0x2580) / 8), right, bottom)
    elif 0x2589 <= code <= 0x258F:
        fill(left, top, left + round(cw * (0x2590 - code) / 8), bottom)
    elif code == 0x2590:
        fill(left + cw // 2, top, right, bottom)
    elif 0x2591 <= code <= 0x2593:
        fill(left, top, right, bottom, blend(bg, fg, (code - 0x2590) / 4))
    elif code == 0x2594:
        fill(left, top, right, top + max(1, round(ch / 8)))
    elif code == 0x2595:
        fill(right - max(1, round(cw / 8)), top, right, bottom)
    else:
        quadrants = {0x2596: "3", 0x2597: "4", 0x2598: "1", 0x2599: "134", 0x259A: "14",
                     0x259B: "123", 0x259C: "124", 0x259D: "2", 0x259E: "23", 0x259F: "234"}[code]
        mx, my = left + cw // 2, top + ch // 2
        boxes = {"1": (left, top, mx, my), "2": (mx, top, right, my),
                 "3": (left, my, mx, bottom), "4": (mx, my, right, bottom)}
        for q in quadrants:
            fill(*boxes[q])
    return True


def blend(a, b, t):
    return tuple(round(x * (1 - t) + y * t) for x, y in zip(a, b))


def render(grid, cols, rows, cursor, out):
    fonts = Fonts(FONT_SIZE)
    cw, ch = fonts.cell_w, fonts.cell_h
    image = Image.new("RGB", (cols * cw + 2 * PADDING, rows * ch + 2 * PADDING), DEFAULT_BG)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(grid):
        for x, cell in enumerate(row):
            if cell is None:
                continue
            s = cell.style
            fg = s.fg or DEFAULT_FG
            bg = s.bg or DEFAULT_BG
            if s.reverse:
                fg, bg = bg, fg
            if s.dim:
                fg = blend(fg, bg, 0.45)
            if cursor == (x, y):
                fg, bg = bg, DEFAULT_FG
            left, top = PADDING + x * cw, PADDING + y * ch
            width = cell.width * cw
            if bg != DEFAULT_BG:
                draw.rectangle([left, top, left + width - 1, top + ch - 1], fill=bg)
            if cell.text == " ":
                pass
            elif len(cell.text) == 1 and (draw_box(draw, cell.text, left, top, cw, ch, fg)
                                          or draw_block(draw, cell.text, left, top, cw, ch, fg, bg)):
                pass
            else:
                font, emoji = fonts.pick(cell.text, s.bold, s.italic)
                if emoji:
                    glyph = fonts.emoji(cell.text, font, width - 2, ch - 2)
                    if glyph is not None:
                        image.paste(glyph, (left + (width - glyph.width) // 2, top + (ch - glyph.height) // 2), glyph)
                else:
                    advance = font.getlength(cell.text)
                    # Centre narrower glyphs (fallback fonts) in their cells; the
                    # monospace font fills its cell exactly.
                    offset = max(0, (width - advance) / 2) if font not in fonts.mono.values() else 0
                    baseline = top + fonts.mono[(False, False)].getmetrics()[0]
                    draw.text((left + offset, baseline), cell.text, font=font, fill=fg, anchor="ls")
            if s.underline:
                draw.line([left, top + ch - 2, left + width - 1, top + ch - 2], fill=fg)
            if s.strike:
                draw.line([left, top + ch // 2, left + width - 1, top + ch // 2], fill=fg)
    image.save(out, optimize=True)


def main():
    parser = argparse.ArgumentParser(description="Render `tmux capture-pane -p -e` output as a PNG.")
    parser.add_argument("capture")
    parser.add_argument("out")
    parser.add_argument("--cols", type=int, required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--cursor", help="X,Y of a visible cursor, drawn as a block")
    args = parser.parse_args()
    with open(args.capture, encoding="utf-8", errors="replace") as f:
        capture = f.read()
    cursor = tuple(int(v) for v in args.cursor.split(",")) if args.cursor else None
    render(parse(capture, args.cols, args.rows), args.cols, args.rows, cursor, args.out)


if __name__ == "__main__":
    main()
