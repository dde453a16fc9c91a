"""PDF documents: certificates of competency with shaped names in every ASEAN script and QR codes.

A layer beside db and sync: it imports the domain only (no database, no Qt) and takes plain values.
"""

from .certificate import CertificateView, render_certificates
from .labels import national_labels

__all__ = ["CertificateView", "render_certificates", "national_labels"]
