"""Reasons and one-sentence explanations in Bahasa Indonesia, whatever the CLI locale."""

from __future__ import annotations

from functools import lru_cache

from netral.i18n import Translator


class Explainer:
    """Sentences are cached by their arguments: a stream repeats the same few thousand."""

    def __init__(self, locale: str = "id"):
        self.t = Translator(locale)
        self.reason = lru_cache(maxsize=50_000)(self._reason)
        self.explanation = lru_cache(maxsize=50_000)(self._explanation)

    def _reason(self, kind: str, *, name: str, number: int | None = None, words: str = "") -> str:
        t = self.t
        if kind == "ballot-call":
            return t("call to vote for number {number} ({name})", number=number, name=name)
        if kind == "ballot-call-against":
            return t("call not to vote for number {number} ({name})", number=number, name=name)
        if kind == "gesture":
            return t("{number}-finger ballot gesture for {name}", number=number, name=name)
        if kind == "hashtag":
            return t("campaign hashtag {words} for {name}", words=words, name=name)
        if kind == "slogan":
            return t('campaign slogan "{words}" of {name}', words=words, name=name)
        if kind == "attack":
            return t("attack on {name}", name=name)
        if kind == "engage-like":
            return t("likes a post supporting or attacking {name}", name=name)
        if kind == "engage-share":
            return t("shares a post supporting or attacking {name}", name=name)
        if kind == "implied":
            return t("words that point to {name} without naming them: {words}", name=name,
                     words=words)
        if kind == "engage-comment":
            return t("comments in agreement on a post supporting {name}", name=name)
        return t("support for {name}", name=name)

    def _explanation(
        self,
        *,
        partisan: bool,
        political: bool,
        name: str | None = None,
        reason: str = "",
        citation: str | None = None,
        allowed: str | None = None,
    ) -> str:
        t = self.t
        if partisan and name:
            if citation:
                return t(
                    "This post takes a side: {reason}, which may breach {citation}.",
                    reason=reason,
                    citation=citation,
                )
            return t("This post takes a side: {reason}.", reason=reason)
        if political:
            if allowed:
                return t(
                    "This post is about the election but takes no side ({allowed}).",
                    allowed=allowed,
                )
            return t("This post is about the election but takes no side.")
        return t("This post is not about an election.")
