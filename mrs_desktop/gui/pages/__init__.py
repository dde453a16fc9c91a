"""The pages of the main window's sidebar; each refreshes itself when told what changed."""
