"""One window per user and database: a second `mrs-desktop` (a bundle double-clicked in the file
manager) hands its files over to the window already running, which raises itself, and exits.

The running window listens on a local socket (a named pipe on Windows) whose name comes from
the user and the database file. A launch first tries to hand over there; connecting fails at once
when no window runs. A socket file left by a crashed app refuses connections: the new app removes
it and listens in its place. The exchange is one JSON line, {"open": [absolute paths]}, answered
by the line "ok" once the running window has taken the files.

On Unix a listening server is a socket file: where there is none, nobody listens, and QtNetwork
is not even loaded (a first launch pays a file check on its way to the first paint).
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

CONNECT_MS = 500  # a listening window accepts at once; nobody listening fails at once
ANSWER_MS = 5000  # the running window may be busy for a moment (loading, a long paint)
MAX_LINE = 1 << 20  # a line longer than this is not one of ours


def channel_name(database: Path) -> str:
    """The socket's name for this user and database (the same for every launch of both)."""
    user = next((os.environ[v] for v in ("LOGNAME", "USER", "USERNAME") if os.environ.get(v)), "")
    if not user:
        import getpass  # (the password database: slower, and rarely needed)

        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = str(Path.home())
    # (zlib: already loaded at start, unlike hashlib; the user's name keeps two users apart)
    digest = zlib.crc32(str(Path(database).resolve()).encode("utf-8"))
    user = "".join(c if c.isascii() and (c.isalnum() or c in "_.-") else "_" for c in user[:40])
    return f"mrs-desktop-{user}-{digest:08x}"


def hand_over(name: str, files: list[Path]) -> bool:
    """Give `files` to the window listening on `name`; False if none is (start one then)."""
    if not may_be_listening(name):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = json.dumps({"open": [str(Path(f).expanduser().resolve()) for f in files]})
    socket.write(message.encode("utf-8") + b"\n")
    socket.waitForBytesWritten(CONNECT_MS)
    answered = socket.waitForReadyRead(ANSWER_MS) and bytes(socket.readLine().data()).strip() == b"ok"
    socket.disconnectFromServer()
    return answered


def may_be_listening(name: str) -> bool:
    """False when surely nobody listens on `name`: on Unix, its socket file is not there."""
    if sys.platform == "win32":  # a named pipe: only connecting tells
        return True
    return Path(QDir.tempPath(), name).exists()  # where QLocalServer puts a plain name


class HandoverServer(QObject):
    """Listens for later launches; `files_arrived` carries the files each one hands over."""

    files_arrived = Signal(list)  # list[Path], possibly empty: "show yourself"

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # hers only
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a name left by a crashed app (nobody answers on it) is taken over."""
        from PySide6.QtNetwork import QAbstractSocket, QLocalServer

        if self.server.listen(self.name):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)
            return self.server.listen(self.name)
        return False

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_LINE:
                socket.abort()
            return
        line = bytes(socket.readLine().data())
        try:
            files = [Path(p) for p in json.loads(line)["open"] if isinstance(p, str)]
        except (ValueError, KeyError, TypeError):
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        self.files_arrived.emit(files)
