"""Check the hand-written posts in raw/*.jsonl (and incoming/*.jsonl, scored but not yet
split: see LABELING.md): valid JSON, required fields, unique ids with the
source's prefix, contestant ids from races.yaml, act ids from acts.yaml, consistent labels.

Run: ``python datasets/posts/check_raw.py`` (exit code 1 and one line per problem on failure).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "src" / "netral" / "rulebook" / "data"
# "other": posts imported from corpora that do not say where the text was published.
PLATFORMS = {"facebook", "instagram", "x", "whatsapp", "tiktok", "other"}
ACTIONS = {"post", "share", "comment", "like", "caption"}
STANCES = {"support", "attack", "neutral", "none"}
PREFIX = {"team-a": "a", "team-b": "b", "team-c": "c", "team-d": "d", "team-e": "e", "team-f": "f", "team-g": "g", "team-h": "h", "team-i": "i", "team-j": "j", "team-k": "k", "team-l": "l", "team-m": "m", "team-p": "p", "team-q": "q", "team-r": "r", "team-s": "s", "team-t": "t", "team-u": "u", "team-v": "v", "team-w": "w", "team-o": "o", "team-x": "x", "team-y": "y", "team-z": "z", "team-ab": "ab", "team-ad": "ad", "team-ae": "ae", "team-af": "af", "team-ah": "ah", "team-ai": "ai", "team-aj": "aj", "team-al": "al", "team-am": "am", "team-ap": "ap", "team-aq": "aq", "team-as": "as", "team-ax": "ax", "team-az": "az", "team-ba": "ba", "team-bb": "bb", "team-bc": "bc", "team-bd": "bd", "team-be": "be", "team-bf": "bf", "team-bg": "bg", "team-bh": "bh", "team-bi": "bi", "team-bj": "bj", "team-bk": "bk", "team-bl": "bl", "team-bm": "bm", "team-bn": "bn", "team-bo": "bo", "team-bp": "bp", "team-bq": "bq", "team-br": "br", "team-bs": "bs", "team-bt": "bt", "team-bu": "bu", "team-bv": "bv", "team-bw": "bw", "team-bx": "bx", "team-by": "by", "team-bz": "bz", "team-cc": "cc", "team-cd": "cd", "team-ce": "ce", "team-cf": "cf", "team-cg": "cg", "team-ch": "ch", "team-ci": "ci", "team-cj": "cj", "team-ck": "ck", "team-cl": "cl", "team-cm": "cm", "team-cn": "cn", "team-co": "co", "team-cp": "cp", "team-cq": "cq", "team-cr": "cr", "team-cs": "cs", "team-ct": "ct", "team-cu": "cu", "team-cv": "cv", "team-cw": "cw", "team-cx": "cx", "team-cy": "cy", "team-cz": "cz", "team-da": "da", "team-db": "db", "team-dc": "dc", "team-dd": "dd", "team-de": "de", "team-df": "df", "team-dg": "dg", "team-dh": "dh", "team-di": "di", "team-dj": "dj", "team-dk": "dk", "team-dl": "dl", "team-dm": "dm", "team-dn": "dn", "team-do": "do", "team-dp": "dp", "team-dq": "dq", "team-dr": "dr", "team-ds": "ds", "team-dt": "dt", "team-du": "du", "team-dv": "dv", "team-dw": "dw", "team-dx": "dx", "team-dy": "dy", "team-dz": "dz", "team-ea": "ea", "team-eb": "eb", "team-ec": "ec", "team-ed": "ed", "team-ee": "ee", "team-ef": "ef", "team-eg": "eg", "team-eh": "eh", "team-ei": "ei", "team-ej": "ej", "team-ek": "ek", "team-el": "el", "team-em": "em", "team-en": "en", "nusax": "n"}


def known_ids() -> tuple[set[str], set[str]]:
    races = yaml.safe_load((DATA / "races.yaml").read_text(encoding="utf-8"))["races"]
    contestants = {f"{r['id']}:{c['number']}" for r in races for c in r["contestants"]}
    acts = {a["id"] for a in yaml.safe_load((DATA / "acts.yaml").read_text(encoding="utf-8"))["acts"]}
    return contestants, acts


def check_post(post: dict, contestants: set[str], acts: set[str]) -> list[str]:
    errors = []
    for field in ("id", "text", "platform", "action", "target_text", "published_at", "source", "labels"):
        if field not in post:
            errors.append(f"missing field {field!r}")
    if errors:
        return errors
    prefix = PREFIX.get(post["source"])
    if prefix and not re.fullmatch(prefix + r"\d+", post["id"]):
        errors.append(f"id {post['id']!r} lacks prefix {prefix!r} for source {post['source']!r}")
    if not isinstance(post["text"], str):
        errors.append("text is not a string")
    if post["platform"] not in PLATFORMS:
        errors.append(f"unknown platform {post['platform']!r}")
    if post["action"] not in ACTIONS:
        errors.append(f"unknown action {post['action']!r}")
    if post["action"] in {"like", "share", "comment"} and not post["target_text"]:
        errors.append(f"{post['action']} without target_text")
    if post["action"] in {"post", "caption"} and post["target_text"] is not None:
        errors.append(f"{post['action']} with target_text")
    if post["action"] not in {"like", "share"} and not post["text"].strip():
        errors.append(f"empty text on a {post['action']} (only a bare like or share may be empty)")
    date = post["published_at"]
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(date)):
        errors.append(f"bad published_at {date!r}")
    labels = post["labels"]
    for field in ("political", "partisan", "contestants", "acts", "stance"):
        if field not in labels:
            errors.append(f"missing labels.{field}")
    if errors:
        return errors
    errors += [f"unknown contestant {c!r}" for c in labels["contestants"] if c not in contestants]
    errors += [f"unknown act {a!r}" for a in labels["acts"] if a not in acts]
    if labels["stance"] not in STANCES:
        errors.append(f"unknown stance {labels['stance']!r}")
    if labels["partisan"]:
        if not labels["political"]:
            errors.append("partisan but not political")
        if not labels["contestants"]:
            errors.append("partisan without contestants")
        if labels["stance"] not in {"support", "attack"}:
            errors.append("partisan with stance other than support/attack")
    else:
        if labels["contestants"] or labels["acts"]:
            errors.append("not partisan but contestants/acts given")
        if labels["stance"] in {"support", "attack"}:
            errors.append("not partisan but stance support/attack")
    return errors


def main() -> int:
    contestants, acts = known_ids()
    seen: dict[str, str] = {}
    problems = 0
    total = 0
    for path in sorted([*(HERE / "raw").glob("*.jsonl"), *(HERE / "incoming").glob("*.jsonl")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                post = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{where}: invalid JSON: {exc}")
                problems += 1
                continue
            total += 1
            pid = post.get("id")
            if pid in seen:
                print(f"{where}: duplicate id {pid!r} (first in {seen[pid]})")
                problems += 1
            seen[pid] = where
            for err in check_post(post, contestants, acts):
                print(f"{where}: {pid}: {err}")
                problems += 1
    print(f"{total} posts checked, {problems} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
