"""Dialogs: editors (composing generated forms), wizards, preferences, about."""
