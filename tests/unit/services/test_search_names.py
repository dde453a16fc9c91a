"""Turning typed text into an index expression, and ordering matches by relevance (no database)."""

from __future__ import annotations

import sqlite3
import unicodedata
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mrs_desktop.domain.assessors import search_text
from mrs_desktop.services.search_names import MAX_TERMS, fold_word, name_query, words_of


@pytest.mark.parametrize("text", ["", "   ", "\t\n", "-", '"', "* - ( ) :", "\x00", "«»", "。", "\udcff"])
def test_text_without_a_word_means_no_name_filter(text):
    assert name_query(text) is None


def test_each_term_is_a_quoted_prefix_and_all_are_required():
    assert name_query("sok  Dara").expression == '"sok"* AND "Dara"*'
    assert name_query('o"neil (x) NOT').expression == '"o""neil"* AND "(x)"* AND "NOT"*'


def test_vietnamese_d_is_folded_and_decomposed_text_is_composed():
    assert name_query("Đức").terms == ("Dức",)  # the index folds the accent; not đ, a letter of its own
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert name_query(decomposed).terms == (unicodedata.normalize("NFC", "Nguyễn"),)


def test_native_scripts_are_kept_whole():
    assert name_query("សុខ ដារ៉ា").terms == ("សុខ", "ដារ៉ា")
    assert name_query("สมชาย").terms == ("สมชาย",)


def test_very_long_text_keeps_a_bounded_number_of_terms():
    assert len(name_query(" ".join(["ab"] * 200)).terms) == MAX_TERMS


def test_folding_matches_the_index_for_latin_names():
    assert fold_word("Nguyễn") == "nguyen"
    assert fold_word("ĐẶNG") == "dang"
    assert words_of("O'Brien-Smith KHM-AS-000012") == ["o", "brien", "smith", "khm", "as", "000012"]
    assert fold_word("សុខា") == "សុខា"  # Khmer vowel signs are part of the word, not accents


def test_whole_words_typed_are_counted_whatever_the_case_and_accents():
    query = name_query("SOK da")
    assert query.whole_words("Sok", "Dara", None) == 1  # "da" only starts a word
    assert query.whole_words("Chan", "Sokha", None) == 0
    assert name_query("nguyen van").whole_words("Nguyễn", "Văn An", None) == 2
    assert name_query("o'brien").whole_words("O'Brien", None, None) == 2


def test_native_whole_words_count_too():
    query = name_query("សុខ")
    assert query.whole_words("Sok", "Dara", "សុខ ដារ៉ា") == 1
    assert query.whole_words("Chan", "Sokha", "ចាន់ សុខា") == 0


@cache
def _fts() -> sqlite3.Connection:
    """An in-memory FTS5 table: the expression's syntax is checked by SQLite itself."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize=\"unicode61 remove_diacritics 2\")")
    for name in ("Nguyễn Văn Đức", "សុខ ដារ៉ា", "Sok-Dara O'Brien"):
        conn.execute("INSERT INTO t VALUES (?)", (search_text(name, None, None),))
    return conn


@given(st.text(st.characters(exclude_categories=()), max_size=30) | st.text(alphabet='"*-+^:()NEAROTD sk\\\x00', max_size=15))
def test_every_expression_is_valid_fts5_syntax(text):
    query = name_query(text)
    if query is not None:
        _fts().execute("SELECT count(*) FROM t WHERE t MATCH ?", (query.expression,)).fetchone()


def test_expressions_match_as_prefixes_of_words():
    def hits(text):
        return _fts().execute("SELECT count(*) FROM t WHERE t MATCH ?", (name_query(text).expression,)).fetchone()[0]

    assert (hits("nguyen duc"), hits("ngu"), hits("guyen"), hits("sok-da"), hits("o'bri"), hits("AND")) == (
        1, 1, 0, 1, 1, 0)
