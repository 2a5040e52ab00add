"""Render the screenshot test set: post-like images of known posts, with labels.

    python bench/make_screenshots.py OUTDIR            # every post, light and dark (84 images)
    python bench/make_screenshots.py OUTDIR --fixtures # the small set committed for tests

Drawn with Pillow and Debian's fonts (Noto Sans, DejaVu Sans, Noto Color Emoji) in Facebook-,
Instagram-, WhatsApp-, X- and TikTok-like layouts, at phone densities from 1.5x to 3x, saved
as PNG, JPEG or WebP the way screenshots travel. ``labels.jsonl`` gives per image the post,
its labels, the caption exactly as drawn, the OCR reference (caption without emoji, white space
collapsed) and the caption's box in pixels.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_posts import POSTS, KnownPost

FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/truetype/dejavu"))
FONTS = {
    "noto": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "dejavu": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}
EMOJI_FONT = "NotoColorEmoji.ttf"
EMOJI = re.compile(r"^[\u2600-\u27BF\uFE0F\u200D\U0001F000-\U0001FAFF]+$")

# (density, file format, JPEG/WebP quality): how screenshots arrive, sent as files or forwarded.
VARIANTS = [(3.0, "PNG", 0), (2.0, "JPEG", 85), (2.625, "PNG", 0), (1.5, "JPEG", 80),
            (2.0, "WEBP", 85), (3.0, "JPEG", 75)]
FIXTURE_IDS = ["p01-light", "p04-dark", "p10-dark", "p18-light", "n01-dark", "n10-light",
               "n14-light", "n20-dark"]

THEMES = {
    "facebook": {
        "light": dict(bg="#F0F2F5", card="#FFFFFF", text="#050505", muted="#65676B",
                      link="#216FDB", line="#CED0D4", accent="#1877F2"),
        "dark": dict(bg="#18191A", card="#242526", text="#E4E6EB", muted="#B0B3B8",
                     link="#4599FF", line="#3E4042", accent="#2D88FF"),
    },
    "instagram": {
        "light": dict(bg="#FFFFFF", card="#FFFFFF", text="#000000", muted="#737373",
                      link="#00376B", line="#DBDBDB", accent="#0095F6"),
        "dark": dict(bg="#000000", card="#000000", text="#F5F5F5", muted="#A8A8A8",
                     link="#E0F1FF", line="#262626", accent="#0095F6"),
    },
    "x": {
        "light": dict(bg="#FFFFFF", card="#FFFFFF", text="#0F1419", muted="#536471",
                      link="#1D9BF0", line="#EFF3F4", accent="#1D9BF0"),
        "dark": dict(bg="#000000", card="#000000", text="#E7E9EA", muted="#71767B",
                     link="#1D9BF0", line="#2F3336", accent="#1D9BF0"),
    },
    "whatsapp": {
        "light": dict(bg="#EFEAE2", card="#FFFFFF", text="#111B21", muted="#667781",
                      link="#027EB5", line="#D1D7DB", accent="#008069", bar="#008069",
                      bartext="#FFFFFF", name="#C2185B"),
        "dark": dict(bg="#0B141A", card="#202C33", text="#E9EDEF", muted="#8696A0",
                     link="#53BDEB", line="#2A3942", accent="#00A884", bar="#1F2C34",
                     bartext="#E9EDEF", name="#F15C6D"),
    },
    "tiktok": {
        "light": dict(bg="#FFFFFF", card="#FFFFFF", text="#161823", muted="#8A8B91",
                      link="#2B5DB9", line="#E3E3E4", accent="#FE2C55"),
        "dark": dict(bg="#121212", card="#121212", text="#FFFFFF", muted="#A6A6A6",
                     link="#FFFFFF", line="#2F2F2F", accent="#FE2C55"),
    },
}


def font_path(name: str) -> str:
    for directory in FONT_DIRS:
        if (directory / name).exists():
            return str(directory / name)
    raise SystemExit(f"font {name} not found: apt install fonts-noto-core fonts-dejavu-core")


@dataclass
class Canvas:
    image: Image.Image
    s: float
    family: str
    emoji: bool = True

    def __post_init__(self) -> None:
        self.draw = ImageDraw.Draw(self.image)
        self._fonts: dict[tuple[bool, float], ImageFont.FreeTypeFont] = {}

    def px(self, value: float) -> int:
        return round(value * self.s)

    def font(self, size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        key = (bold, size)
        if key not in self._fonts:
            self._fonts[key] = ImageFont.truetype(font_path(FONTS[self.family][bold]),
                                                  self.px(size))
        return self._fonts[key]

    def text(self, x: float, y: float, text: str, size: float, color: str,
             bold: bool = False, anchor: str = "la") -> tuple[int, int, int, int]:
        font = self.font(size, bold)
        self.draw.text((self.px(x), self.px(y)), text, font=font, fill=color, anchor=anchor)
        return self.draw.textbbox((self.px(x), self.px(y)), text, font=font, anchor=anchor)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return self.font(size, bold).getlength(text) / self.s

    def paste_emoji(self, x: float, y: float, cluster: str, size: float) -> float:
        """Draw an emoji cluster ``size`` css px tall at (x, y); return its width in css px."""
        glyphs = ImageFont.truetype(font_path(EMOJI_FONT), 109)
        tile = Image.new("RGBA", (int(glyphs.getlength(cluster)) + 20, 140), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((0, 0), cluster, font=glyphs, embedded_color=True)
        box = tile.getbbox() or (0, 0, 1, 1)
        tile = tile.crop(box)
        height = self.px(size)
        width = max(1, round(tile.width * height / tile.height))
        tile = tile.resize((width, height), Image.Resampling.LANCZOS)
        self.image.paste(tile, (self.px(x), self.px(y)), tile)
        return width / self.s

    def rich(self, x: float, y: float, max_width: float, tokens: list[tuple[str, str]],
             size: float, line_height: float, colors: dict[str, str],
             shadow: bool = False) -> tuple[float, list[tuple[int, int, int, int]]]:
        """Wrap styled words (style: text, bold, link) into lines; return end y and text boxes."""
        boxes: list[tuple[int, int, int, int]] = []
        space = self.width(" ", size)
        cx, cy = x, y
        for word, style in tokens:
            is_emoji = bool(EMOJI.match(word))
            bold = style in ("bold", "linkbold")
            w = size * 1.2 if is_emoji else self.width(word, size, bold)
            if cx > x and cx + w > x + max_width:
                cx, cy = x, cy + line_height
            if is_emoji:
                if self.emoji:
                    self.paste_emoji(cx, cy + size * 0.15, word, size * 1.05)
            else:
                color = colors["link"] if style.startswith("link") else colors["text"]
                if shadow:
                    self.text(cx + 0.8, cy + 0.8, word, size, "#000000", bold)
                boxes.append(self.text(cx, cy, word, size, color, bold))
            cx += w + space
        return cy + line_height, boxes

    def circle(self, x: float, y: float, d: float, fill: str) -> None:
        self.draw.ellipse([self.px(x), self.px(y), self.px(x + d), self.px(y + d)], fill=fill)

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: str | None = None,
             outline: str | None = None, radius: float = 0, width: float = 1) -> None:
        self.draw.rounded_rectangle([self.px(x0), self.px(y0), self.px(x1), self.px(y1)],
                                    radius=self.px(radius), fill=fill, outline=outline,
                                    width=max(1, self.px(width)))

    def avatar(self, x: float, y: float, d: float, seed: str) -> None:
        rnd = random.Random(seed)
        hue = rnd.choice(["#8E6E53", "#5B7DB1", "#A4616B", "#5E8C61", "#B08D57", "#6F5B9A"])
        self.circle(x, y, d, hue)
        self.circle(x + d * 0.32, y + d * 0.18, d * 0.36, "#F1D3B3")
        self.draw.pieslice([self.px(x + d * 0.15), self.px(y + d * 0.58), self.px(x + d * 0.85),
                            self.px(y + d * 1.25)], 180, 360, fill="#2E3A4F")


def tokens_of(caption: str, link_style: str = "link") -> list[tuple[str, str]]:
    return [(w, link_style if w.startswith(("#", "@")) else "text") for w in caption.split()]


def status_bar(c: Canvas, width: float, colors: dict[str, str], fg: str | None = None) -> float:
    fg = fg or colors["text"]
    c.text(18, 9, "09.41", 13, fg, bold=True)
    for i in range(4):
        c.rect(width - 78 + i * 5, 20 - i * 3, width - 75 + i * 5, 22, fill=fg)
    c.rect(width - 46, 11, width - 22, 22, outline=fg, radius=3, width=1.2)
    c.rect(width - 44, 13, width - 30, 20, fill=fg, radius=1)
    return 34


def counts(rnd: random.Random) -> tuple[str, str, str]:
    likes = rnd.choice(["87", "214", "1,2 rb", "3,4 rb", "562", "12 rb"])
    comments = str(rnd.randint(4, 180))
    shares = str(rnd.randint(1, 90))
    return likes, comments, shares


def facebook(c: Canvas, post: KnownPost, col: dict, width: float, rnd: random.Random):
    c.image.paste(col["bg"], (0, 0, c.image.width, c.image.height))
    y = status_bar(c, width, col)
    c.rect(0, y, width, y + 44, fill=col["card"])
    c.text(16, y + 9, "facebook", 24, col["accent"], bold=True)
    y += 52
    c.rect(0, y, width, c.image.height / c.s, fill=col["card"])
    c.avatar(12, y + 12, 40, post.author)
    c.text(62, y + 13, post.author, 15, col["text"], bold=True)
    when = rnd.choice(["2 j", "5 j", "Kemarin pukul 19.20", "14 Februari"])
    c.text(62, y + 33, f"{when} · Publik", 12.5, col["muted"])
    end, boxes = c.rich(14, y + 64, width - 28, tokens_of(post.caption), 15, 21, col)
    y = end + 14
    likes, comments, shares = counts(rnd)
    c.circle(14, y, 18, col["accent"])
    c.circle(28, y, 18, "#F33E58")
    c.text(52, y + 1, likes, 14, col["muted"])
    c.text(width - 14, y + 1, f"{comments} komentar  {shares} kali dibagikan", 14, col["muted"],
           anchor="ra")
    y += 30
    c.rect(14, y, width - 14, y + 0.8, fill=col["line"])
    for i, label in enumerate(["Suka", "Komentari", "Bagikan"]):
        c.text(width * (i * 2 + 1) / 6, y + 12, label, 14, col["muted"], bold=True, anchor="ma")
    return boxes, y + 44


def instagram(c: Canvas, post: KnownPost, col: dict, width: float, rnd: random.Random):
    y = status_bar(c, width, col)
    c.text(16, y + 8, "Instagram", 24, col["text"], bold=True)
    y += 48
    c.avatar(12, y + 8, 34, post.author)
    c.text(56, y + 16, post.handle, 14, col["text"], bold=True)
    c.text(56 + c.width(post.handle, 14, True) + 8, y + 16, "• Ikuti", 14, col["accent"],
           bold=True)
    y += 50
    photo = width * 0.8
    top = (70, 110, 150) if rnd.random() < 0.5 else (190, 120, 80)
    for i in range(int(photo)):
        t = i / photo
        shade = tuple(int(v * (1 - 0.5 * t) + 40 * t) for v in top)
        c.draw.line([(0, c.px(y + i)), (c.image.width, c.px(y + i))], fill=shade,
                    width=max(1, c.px(1)))
    y += photo + 10
    c.draw.ellipse([c.px(14), c.px(y), c.px(38), c.px(y + 22)], outline=col["text"],
                   width=c.px(2))
    c.draw.ellipse([c.px(52), c.px(y), c.px(76), c.px(y + 22)], outline=col["text"],
                   width=c.px(2))
    c.draw.polygon([(c.px(90), c.px(y + 2)), (c.px(114), c.px(y + 11)), (c.px(90), c.px(y + 20))],
                   outline=col["text"], width=c.px(2))
    y += 34
    likes, comments, _ = counts(rnd)
    c.text(14, y, f"{likes} suka", 14, col["text"], bold=True)
    y += 24
    tokens = [(post.handle, "bold"), *tokens_of(post.caption)]
    end, boxes = c.rich(14, y, width - 28, tokens, 14, 19, col)
    y = end + 6
    c.text(14, y, f"Lihat semua {comments} komentar", 14, col["muted"])
    c.text(14, y + 22, rnd.choice(["2 hari yang lalu", "5 jam yang lalu", "14 Februari"]), 11.5,
           col["muted"])
    return boxes, y + 46


def x_post(c: Canvas, post: KnownPost, col: dict, width: float, rnd: random.Random):
    y = status_bar(c, width, col)
    c.text(width / 2, y + 8, "Postingan", 17, col["text"], bold=True, anchor="ma")
    y += 44
    c.rect(0, y, width, y + 0.8, fill=col["line"])
    y += 12
    c.avatar(14, y, 40, post.author)
    c.text(64, y + 2, post.author, 15, col["text"], bold=True)
    c.text(64, y + 22, f"@{post.handle}", 14, col["muted"])
    end, boxes = c.rich(14, y + 54, width - 28, tokens_of(post.caption), 16, 22, col)
    y = end + 10
    c.text(14, y, rnd.choice(["20.15 · 12 Feb 24", "07.02 · 9 Feb 24", "21.47 · 30 Okt 24"])
           + f" · {rnd.randint(2, 80)},{rnd.randint(1, 9)} rb Tayangan", 14, col["muted"])
    y += 30
    c.rect(0, y, width, y + 0.8, fill=col["line"])
    likes, comments, shares = counts(rnd)
    for i, value in enumerate([comments, shares, likes]):
        x = 14 + i * (width - 28) / 4
        c.circle(x, y + 14, 14, col["muted"])
        c.circle(x + 2, y + 16, 10, col["bg"])
        c.text(x + 20, y + 13, value, 13, col["muted"])
    return boxes, y + 46


def whatsapp(c: Canvas, post: KnownPost, col: dict, width: float, rnd: random.Random):
    c.image.paste(col["bg"], (0, 0, c.image.width, c.image.height))
    c.rect(0, 0, width, 92, fill=col["bar"])
    status_bar(c, width, col, fg=col["bartext"])
    c.avatar(40, 44, 38, post.chat)
    chat = post.chat
    while c.width(chat, 16, True) > width - 100:
        chat = chat[:-2].rstrip() + "…"
    c.text(88, 46, chat, 16, col["bartext"], bold=True)
    c.text(88, 68, rnd.choice(["Anda, Budi, Citra, Dedi, +48", "ketuk untuk info grup"]), 12.5,
           col["bartext"])
    y = 110
    c.rect(width / 2 - 34, y, width / 2 + 34, y + 22, fill=col["card"], radius=7)
    c.text(width / 2, y + 4, "HARI INI", 11.5, col["muted"], anchor="ma")
    y += 36
    # One earlier, short message, then the evidence message.
    c.rect(12, y, width * 0.55, y + 34, fill=col["card"], radius=8)
    c.text(22, y + 8, rnd.choice(["Siap pak", "Baik, terima kasih", "Noted"]), 14.5, col["text"])
    y += 44
    bubble_w = width - 70
    c.rect(12, y, 12 + bubble_w, y + 40, fill=col["card"], radius=8)  # sized after drawing
    top = y
    c.text(22, y + 7, post.author, 13.5, col["name"], bold=True)
    end, boxes = c.rich(22, y + 28, bubble_w - 22, tokens_of(post.caption), 15, 21, col)
    bottom = end + 16
    c.rect(12, top, 12 + bubble_w, bottom, fill=col["card"], radius=8)
    c.text(22, top + 7, post.author, 13.5, col["name"], bold=True)
    end, boxes = c.rich(22, top + 28, bubble_w - 22, tokens_of(post.caption), 15, 21, col)
    c.text(bubble_w, bottom - 18, rnd.choice(["09.12", "10.47", "13.05"]), 11, col["muted"],
           anchor="ra")
    y = bottom + 14
    c.rect(8, y + 10, width - 60, y + 52, fill=col["card"], radius=21)
    c.text(50, y + 22, "Ketik pesan", 15, col["muted"])
    c.circle(width - 52, y + 9, 44, col["accent"])
    return boxes, y + 64


def tiktok(c: Canvas, post: KnownPost, col: dict, width: float, rnd: random.Random,
           dark: bool):
    if dark:  # the For You feed: caption over the video's bottom
        height = c.image.height / c.s
        for i in range(int(height)):
            t = i / height
            shade = (int(60 + 40 * (1 - t)), int(50 + 30 * t), int(70 + 20 * (1 - t)))
            c.draw.line([(0, c.px(i)), (c.image.width, c.px(i))], fill=shade,
                        width=max(1, c.px(1)))
        for i in range(int(height * 0.45), int(height)):  # the dark gradient behind the caption
            t = (i - height * 0.45) / (height * 0.55)
            c.draw.line([(0, c.px(i)), (c.image.width, c.px(i))],
                        fill=(int(25 - 10 * t), int(22 - 10 * t), int(28 - 12 * t)),
                        width=max(1, c.px(1)))
        status_bar(c, width, col)
        c.text(width / 2, 44, "Mengikuti   Untuk Anda", 16, col["text"], bold=True, anchor="ma")
        likes, comments, shares = counts(rnd)
        for i, value in enumerate([likes, comments, shares]):
            cy = height * 0.42 + i * 66
            c.circle(width - 52, cy, 36, "#EDEDED")
            c.text(width - 34, cy + 40, value, 12.5, col["text"], bold=True, anchor="ma")
        cap_top = height - 40 - 24 * 5
        c.text(14, cap_top - 30, f"@{post.handle}", 16, col["text"], bold=True)
        end, boxes = c.rich(14, cap_top, width - 90, tokens_of(post.caption, "linkbold"), 15,
                            21, col, shadow=False)
        c.text(14, end + 8, "Suara asli - " + post.author, 13, col["text"])
        return boxes, None
    # The web/desktop-like page: video thumbnail above, description below on white.
    y = status_bar(c, width, col)
    c.rect(0, y, width, y + width * 0.75, fill="#2A2A35")
    c.circle(width / 2 - 28, y + width * 0.375 - 28, 56, "#FFFFFF")
    y += width * 0.75 + 14
    c.avatar(14, y, 40, post.author)
    c.text(64, y + 2, post.handle, 16, col["text"], bold=True)
    c.text(64, y + 23, f"{post.author} · {rnd.randint(1, 28)}-{rnd.randint(1, 12)}", 13,
           col["muted"])
    c.rect(width - 84, y + 6, width - 14, y + 34, fill=col["accent"], radius=4)
    c.text(width - 49, y + 12, "Ikuti", 14, "#FFFFFF", bold=True, anchor="ma")
    end, boxes = c.rich(14, y + 56, width - 28, tokens_of(post.caption, "linkbold"), 15, 21, col)
    y = end + 10
    likes, comments, shares = counts(rnd)
    for i, value in enumerate([likes, comments, shares]):
        c.circle(14 + i * 90, y, 18, col["line"])
        c.text(38 + i * 90, y + 1, value, 13, col["muted"])
    return boxes, y + 40


def render(post: KnownPost, theme: str, variant: int) -> tuple[Image.Image, dict]:
    density, fmt, quality = VARIANTS[variant % len(VARIANTS)]
    width = 412 if density == 2.625 else 360
    family = "dejavu" if post.platform in ("whatsapp", "x") else "noto"
    rnd = random.Random(f"{post.id}-{theme}")
    col = THEMES[post.platform][theme]
    height = 760
    image = Image.new("RGB", (round(width * density), round(height * density)), col["bg"])
    canvas = Canvas(image, density, family)
    if post.platform == "facebook":
        boxes, used = facebook(canvas, post, col, width, rnd)
    elif post.platform == "instagram":
        boxes, used = instagram(canvas, post, col, width, rnd)
    elif post.platform == "x":
        boxes, used = x_post(canvas, post, col, width, rnd)
    elif post.platform == "whatsapp":
        boxes, used = whatsapp(canvas, post, col, width, rnd)
    else:
        boxes, used = tiktok(canvas, post, col, width, rnd, theme == "dark")
    if used is not None:  # crop the empty tail the way people crop screenshots
        image = image.crop((0, 0, image.width, min(image.height, canvas.px(used))))
    box = [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
           max(b[3] for b in boxes)]
    caption = post.caption
    if post.platform == "instagram":
        caption = f"{post.handle} {caption}"
    reference = " ".join(w for w in caption.split() if not EMOJI.match(w))
    meta = {"density": density, "format": fmt, "quality": quality, "caption_drawn": caption,
            "reference": reference, "caption_box": box, "font": family}
    return image, meta


def save(image: Image.Image, path: Path, fmt: str, quality: int) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    if fmt == "PNG":
        image.save(tmp, "PNG", optimize=True)
    else:
        image.save(tmp, fmt, quality=quality)
    tmp.replace(path)


def generate(outdir: Path, only: list[str] | None = None, shrink: float = 1.0) -> list[dict]:
    """Write images and ``labels.jsonl`` into ``outdir``; return the label records."""
    outdir.mkdir(parents=True, exist_ok=True)
    records = []
    for index, post in enumerate(POSTS):
        for theme in ("light", "dark"):
            image_id = f"{post.id}-{theme}"
            if only is not None and image_id not in only:
                continue
            variant = index + (3 if theme == "dark" else 0)
            image, meta = render(post, theme, variant)
            if shrink != 1.0:
                image = image.resize((round(image.width * shrink), round(image.height * shrink)),
                                     Image.Resampling.LANCZOS)
                meta["caption_box"] = [round(v * shrink) for v in meta["caption_box"]]
                meta["density"] = round(meta["density"] * shrink, 3)
            ext = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}[meta["format"]]
            path = outdir / f"{image_id}.{ext}"
            save(image, path, meta["format"], meta["quality"])
            records.append({
                "id": image_id, "file": path.name, "post": post.id, "platform": post.platform,
                "theme": theme, "partisan": post.partisan, "contestants": list(post.contestants),
                "text": post.caption, "author": post.author, "width": image.width,
                "height": image.height, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                **meta,
            })
    tmp = outdir / "labels.jsonl.tmp"
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                   encoding="utf-8")
    tmp.replace(outdir / "labels.jsonl")
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--fixtures", action="store_true",
                        help="only the small committed test set, at 2x and 1080 px at most")
    parser.add_argument("--only", nargs="*", help="image ids such as p01-light")
    args = parser.parse_args()
    only = FIXTURE_IDS if args.fixtures else args.only
    records = generate(args.outdir, only)
    print(f"{len(records)} screenshots in {args.outdir}")


if __name__ == "__main__":
    main()
