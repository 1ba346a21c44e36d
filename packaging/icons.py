"""The app's icon for each platform, rendered from ``resources/icons/workbench.svg`` at build time.

Linux desktops take the SVG itself plus a 256 px PNG (``.desktop`` files name an icon theme
entry); Windows wants an ``.ico`` and macOS an ``.icns`` for the executable and the app bundle.
Both containers simply hold PNG images (Windows Vista and later, macOS 10.7 and later read
PNG entries), so they are written here with ``struct`` rather than through an image library.
"""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024}
"""ICNS entry types that hold PNG data, with their pixel size."""
LINUX_PNG_SIZE = 256


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, as PNG bytes."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("render_png needs a QGuiApplication (offscreen is enough)")
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a valid SVG image: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG per size (``ICONDIR``, one ``ICONDIRENTRY`` each, the images)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, payload = b"", b""
    offset = len(header) + 16 * len(images)
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte fields
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + entries + payload


def icns(images: dict[bytes, bytes]) -> bytes:
    """An ICNS file: the ``icns`` header, then one (type, length, PNG) element per entry."""
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in images.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(svg: Path, folder: Path) -> list[Path]:
    """Write workbench.png (Linux), workbench.ico (Windows) and workbench.icns (macOS) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    sizes = sorted({LINUX_PNG_SIZE, *ICO_SIZES, *ICNS_TYPES.values()})
    pngs = {size: render_png(svg, size) for size in sizes}
    written = {
        "workbench.png": pngs[LINUX_PNG_SIZE],
        "workbench.ico": ico({size: pngs[size] for size in ICO_SIZES}),
        "workbench.icns": icns({kind: pngs[size] for kind, size in ICNS_TYPES.items()}),
    }
    for name, data in written.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in written]
