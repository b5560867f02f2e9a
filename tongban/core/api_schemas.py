"""Schemas shared by every app's API: the error shape of ARCHITECTURE §5.8 and the error-response tables."""

from typing import Any

from ninja import Schema


class ErrorSchema(Schema):
    """The error shape of ARCHITECTURE §5.8."""

    code: str
    message: str
    fields: dict[str, Any] = {}


# Responses every authenticated endpoint may give, for the OpenAPI document.
ERROR_RESPONSES: dict[int, type[Schema]] = {
    400: ErrorSchema,
    401: ErrorSchema,
    403: ErrorSchema,
    404: ErrorSchema,
    409: ErrorSchema,
    422: ErrorSchema,
}
PUBLIC_ERROR_RESPONSES: dict[int, type[Schema]] = {400: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema}
