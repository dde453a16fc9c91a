"""`mrs peer card|trust|list|revoke` and `mrs node backup-key|restore-key|rotate-key` (and
`certificate-identity`, in node_identity.py).

The services (and the crypto library) are imported when a command runs, not when `mrs` starts.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

PASSPHRASE_ENV = "MRS_KEY_PASSPHRASE"


def add_peer_commands(sub) -> None:
    group = sub.add_parser("peer", help="partner nodes: exchange cards, trust, list, revoke")
    psub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = psub.add_parser("card", help="write this node's card to FILE, to give to partners")
    p.add_argument("file", type=Path)
    p.set_defaults(run=card)
    p = psub.add_parser("trust",
                        help="trust a partner's card, after comparing its fingerprint by phone")
    p.add_argument("file", type=Path)
    p.add_argument("--hub", action="store_true", help="the card is the regional hub's")
    p.add_argument("--yes", action="store_true",
                   help="trust without asking (you have compared the fingerprint)")
    p.set_defaults(run=trust)
    p = psub.add_parser("list", help="the trusted and revoked peers")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=list_)
    p = psub.add_parser("revoke", help="stop trusting a peer (its records stay)")
    p.add_argument("peer", help="node id, or country code if that country has one peer")
    p.add_argument("--reason", required=True, metavar="TEXT", help="why, kept with the peer")
    p.set_defaults(run=revoke)


def add_node_actions(node_parser: argparse.ArgumentParser) -> None:
    from .node_identity import add_identity_action

    node_parser.description = ("Shows this node; with an ACTION, works on its key or on how its "
                               "certificates show the ministry.")
    nsub = node_parser.add_subparsers(dest="action", metavar="ACTION")
    for name, helptext, run in (
            ("backup-key", "write the node's key, encrypted with a passphrase, to FILE", backup_key),
            ("restore-key", "on a replacement laptop: recreate the node from its key backup FILE",
             restore_key)):
        p = nsub.add_parser(name, help=helptext)
        p.add_argument("file", type=Path)
        p.add_argument("--passphrase-file", type=Path, metavar="F",
                       help=f"read the passphrase from F (else ${PASSPHRASE_ENV}, else ask)")
        p.set_defaults(run=run)
    p = nsub.add_parser("rotate-key", help="replace the node's key; partners follow via bundles")
    p.set_defaults(run=rotate_key)
    add_identity_action(nsub)


# --- peer -----------------------------------------------------------------------------------

def card(args: argparse.Namespace) -> int:
    from ..services.peers import export_card
    from .commands import open_existing

    store = open_existing(args)
    try:
        made = export_card(store, args.file)
    finally:
        store.close()
    print(f"Card of {made.country}, {made.organisation} written to {args.file}")
    print(f"  fingerprint: {made.fingerprint}")
    return 0


def trust(args: argparse.Namespace) -> int:
    from ..db.uow import UnitOfWork
    from ..domain.errors import InputRejected
    from ..services.peers import trust_card
    from ..sync.cards import read_card
    from .commands import open_existing

    store = open_existing(args)
    try:
        found = read_card(args.file)
        _show_card(found)
        if not args.yes and not _confirmed():
            raise InputRejected("not trusted; nothing was changed")
        with UnitOfWork(store) as uow:
            info = trust_card(uow, found, role="hub" if args.hub else "peer")
    finally:
        store.close()
    print(f"Trusted {info.country}, {info.organisation} as {info.role}")
    return 0


def _show_card(found) -> None:
    print(f"Card of node {found.node_id}")
    print(f"  country:      {found.country}")
    print(f"  organisation: {found.organisation}")
    print(f"  focal point:  {found.focal_point or ''}")
    print(f"  made:         {found.created_at}")
    print(f"  fingerprint:  {found.fingerprint}")


def _confirmed() -> bool:
    from ..domain.errors import InputRejected

    if not sys.stdin.isatty():
        raise InputRejected("not trusted; nothing was changed: compare the fingerprint with the "
                            "partner by phone, then run the command again with --yes")
    print("Compare the fingerprint with the partner by phone before you answer.")
    return input("Trust this card? [y/N] ").strip().lower() in ("y", "yes")


def list_(args: argparse.Namespace) -> int:
    from ..services.peers import list_peers
    from .commands import open_existing
    from .output import print_json, print_table

    store = open_existing(args)
    try:
        peers = list_peers(store)
    finally:
        store.close()
    if args.json:
        print_json(peers)
        return 0
    print_table(("node id", "country", "organisation", "role", "fingerprint", "trusted", "revoked",
                 "last in", "last out"),
                [(p.node_id, p.country, p.organisation, p.role, p.fingerprint, p.trusted_at[:10],
                  (p.revoked_at or "")[:10], (p.last_in_at or "")[:10], (p.last_out_at or "")[:10])
                 for p in peers])
    return 0


def revoke(args: argparse.Namespace) -> int:
    from ..db.uow import UnitOfWork
    from ..services.peers import revoke_peer
    from .commands import open_existing

    store = open_existing(args)
    try:
        with UnitOfWork(store) as uow:
            info = revoke_peer(uow, args.peer, args.reason)
    finally:
        store.close()
    print(f"Revoked {info.country}, {info.organisation} ({info.node_id}): its bundles are now refused")
    return 0


# --- node keys ------------------------------------------------------------------------------

def backup_key(args: argparse.Namespace) -> int:
    from ..services.peers import backup_key as write_backup
    from .commands import open_existing

    store = open_existing(args)
    try:
        passphrase = _passphrase(args, twice=True)
        write_backup(store, args.file, passphrase)
    finally:
        store.close()
    print(f"Key backup written to {args.file}")
    print("  Keep it apart from this laptop (a USB stick in a safe), "
          "and the passphrase apart from it.")
    return 0


def restore_key(args: argparse.Namespace) -> int:
    from ..services.peers import restore_key as restore
    from .commands import db_path

    passphrase = _passphrase(args, twice=False)
    info = restore(db_path(args), args.file, passphrase)
    print(f"Node restored: {info.country}, {info.organisation}")
    print(f"  node id:     {info.id}")
    print(f"  private key: {info.key_path}")
    print(f"  fingerprint: {info.fingerprint} (the same as before: partners need do nothing)")
    print("  Import the partners' or the hub's next bundles to get this node's records back.")
    return 0


def rotate_key(args: argparse.Namespace) -> int:
    from ..services.peers import rotate_key as rotate
    from .commands import open_existing

    store = open_existing(args)
    try:
        rotated = rotate(store)
    finally:
        store.close()
    print("Key replaced.")
    print(f"  old fingerprint: {rotated.old_fingerprint}")
    print(f"  new fingerprint: {rotated.new_fingerprint}")
    print(f"  old key kept at: {rotated.retired_key}")
    print("  Partners move to the new key when they import this node's next bundle.")
    print("  Your key backup now holds the old key: make a new one with `mrs node backup-key FILE`.")
    return 0


def _passphrase(args: argparse.Namespace, *, twice: bool) -> str:
    """From --passphrase-file, else $MRS_KEY_PASSPHRASE, else asked on the terminal."""
    from ..domain.errors import InputRejected

    if args.passphrase_file is not None:
        try:
            text = args.passphrase_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputRejected(
                f"cannot read the passphrase file {args.passphrase_file}: {exc}") from None
        return text.rstrip("\r\n")  # the line end an editor adds is not part of the passphrase
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise InputRejected(f"no passphrase: give --passphrase-file FILE or set ${PASSPHRASE_ENV} "
                            "(there is no terminal to ask on); nothing was changed")
    first = getpass.getpass("Passphrase for the key backup: ")
    if twice and getpass.getpass("The same passphrase again: ") != first:
        raise InputRejected("the two passphrases differ; nothing was changed")
    return first
