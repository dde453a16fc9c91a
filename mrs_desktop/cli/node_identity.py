"""`mrs node certificate-identity`: the ministry's national-language name and logo on this node's
certificates — shown, or set with options."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_identity_action(nsub) -> None:
    p = nsub.add_parser(
        "certificate-identity",
        help="show or set the ministry's national-language name and logo on certificates",
        description="Without options, shows what this node's certificates print for the ministry. "
                    "The logo is copied into the database, so it travels with a backup.")
    name = p.add_mutually_exclusive_group()
    name.add_argument("--organisation-native", metavar="TEXT",
                      help="the ministry's name in the national language, printed under the English")
    name.add_argument("--no-organisation-native", action="store_true",
                      help="print the English name only")
    logo = p.add_mutually_exclusive_group()
    logo.add_argument("--logo", type=Path, metavar="FILE",
                      help="the ministry's logo: PNG or JPEG, at most 2 MB")
    logo.add_argument("--no-logo", action="store_true", help="print no logo")
    p.set_defaults(run=certificate_identity)


def certificate_identity(args: argparse.Namespace) -> int:
    from ..db.uow import UnitOfWork
    from ..services.certificate_identity import (KEEP, certificate_identity as current, read_logo,
                                                 set_certificate_identity)
    from .commands import open_existing

    native = None if args.no_organisation_native else (
        KEEP if args.organisation_native is None else args.organisation_native)
    logo = None if args.no_logo else KEEP if args.logo is None else read_logo(args.logo)
    store = open_existing(args)
    try:
        if native is KEEP and logo is KEEP:
            identity = current(store)
        else:
            identity = set_certificate_identity(UnitOfWork(store), organisation_native=native,
                                                logo=logo)
            print("Saved: certificates printed from now on show this.")
    finally:
        store.close()
    info = identity.logo_info
    print(f"  ministry, English:            {identity.organisation}")
    print(f"  ministry, national language:  {identity.organisation_native or '(none: English only)'}")
    print(f"  logo:                         {info.describe() if info else '(none)'}")
    return 0
