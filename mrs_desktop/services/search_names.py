"""Matching names as typed: the full-text expression for the index, and the relevance order.

Every term typed must start a word of the name (family, given, native-script name or
reference), in any script; accents are ignored ("nguyen" finds "Nguyễn", "duc" finds "Đức").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..domain.assessors import fold

MAX_TERMS = 16  # a name has a handful of parts; more terms only lengthen the expression
_LATIN_MARKS = re.compile("[\u0300-\u036f]")
_SEPARATORS = re.compile(r"[\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")


@dataclass(frozen=True)
class NameQuery:
    """The words a user typed, folded as the index folds them, and the index expression."""

    terms: tuple[str, ...]

    @property
    def expression(self) -> str:
        """FTS5: each term quoted (inner quotes doubled) as a prefix, all required (AND).

        Quoting makes operators, brackets, `*`, `-` and `:` typed by a user plain characters,
        which the tokenizer then treats as word separators inside the phrase.
        """
        return " AND ".join('"' + t.replace('"', '""') + '"*' for t in self.terms)

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The words typed, as the index sees them ("o'brien" is two)."""
        return tuple(w for t in self.terms for w in words_of(t))

    def whole_words(self, family_name: str, given_names: str | None, name_native: str | None) -> int:
        """How many words typed are whole words of this name: the more, the more relevant."""
        parts = (_part_words(family_name), _part_words(given_names or ""),
                 _part_words(name_native or ""))
        return sum(1 for w in self.words if w in parts[0] or w in parts[1] or w in parts[2])


def name_query(text: str | None) -> NameQuery | None:
    """None when the text holds no word (empty, spaces or punctuation only): no name filter.

    A term without a letter or digit is dropped, because it can match no word and would make
    the whole AND match nothing.
    """
    raw = unicodedata.normalize("NFC", fold(plain(text or ""))).replace("\x00", " ").split()
    terms = tuple(t for t in raw if _has_word_character(t))[:MAX_TERMS]
    return NameQuery(terms) if terms else None


def plain(text: str) -> str:
    """Text SQLite can take: a command line passes bytes that are not UTF-8 as lone surrogates."""
    return text.encode("utf-8", "ignore").decode("utf-8")


def _has_word_character(term: str) -> bool:
    # The index's tokenizer keeps letters, digits and private-use characters (plus the ASEAN
    # combining marks, which never start a word); everything else separates words.
    return any(unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Co" for ch in term)


def fold_word(text: str) -> str:
    """Case and Latin accents removed, as the index's tokenizer does (Thai etc. marks are kept)."""
    return _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", fold(text))).casefold()


def words_of(text: str) -> list[str]:
    return [w for w in _SEPARATORS.split(fold_word(text)) if w]


@lru_cache(maxsize=50_000)
def _part_words(part: str) -> frozenset[str]:
    # Names repeat (many Soks, many Nguyễns): folding each distinct name part once keeps
    # ordering a few hundred matches well under a millisecond.
    return frozenset(words_of(part))
