"""Rules of the registers, independent of storage and screens: standard library only."""
