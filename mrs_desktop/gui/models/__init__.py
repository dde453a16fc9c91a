"""Item models over the registers: id lists with rows built lazily (STYLE.md, Anki's browser)."""
