"""API of the `licenses` app."""

from ninja import Router

router = Router(tags=["licenses"])
