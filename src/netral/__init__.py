"""Netral: keeps Indonesia's civil servants (ASN) politically neutral during elections.

Rooms, with data flowing one way: ``rulebook`` → ``screening`` / ``news`` → ``cases`` →
``storage`` → ``web`` and ``cli``. A lower room never imports a higher one.
"""

__version__ = "0.1.0"
