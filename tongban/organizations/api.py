"""API endpoints of ``organizations``."""

from ninja import Router

router = Router(tags=["organizations"])
