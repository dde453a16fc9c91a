"""MRS Desktop: the register, assessment and sync tool of an ASEAN national skills focal point."""

__version__ = "0.1.0"
