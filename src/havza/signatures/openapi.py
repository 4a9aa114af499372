"""The OpenAPI description of the embed endpoint (served at /api/signon/openapi.json)."""

from __future__ import annotations

from havza import countries, languages
from havza.signatures.models import NAME_MAX

ERROR = {
    "type": "object",
    "properties": {"error": {"type": "string"}, "fields": {"type": "object"}},
    "required": ["error"],
}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def document(api_prefix: str) -> dict:
    pk = {"name": "pk", "in": "path", "required": True, "schema": {"type": "integer"}}
    text = {"type": "string", "maxLength": NAME_MAX}
    signature = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "detail": {"type": "string"},
            "country": {"type": "string"},
        },
        "required": ["name", "detail", "country"],
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "havza sign-on", "version": "1"},
        "servers": [{"url": api_prefix}],
        "paths": {
            "/{pk}/signatures.json": {
                "get": {
                    "summary": "The approved signatures of a statement, in pages",
                    "parameters": [
                        pk,
                        {
                            "name": "lang",
                            "in": "query",
                            "schema": {"type": "string", "enum": languages.codes()},
                        },
                        {
                            "name": "page",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1},
                        },
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "organizations": {"type": "integer"},
                                    "individuals": {"type": "integer"},
                                    "countries": {"type": "integer"},
                                    "continents": {"type": "integer"},
                                    "page": {"type": "integer"},
                                    "pages": {"type": "integer"},
                                    "signatures": {"type": "array", "items": signature},
                                },
                                "required": [
                                    "organizations",
                                    "individuals",
                                    "countries",
                                    "continents",
                                    "page",
                                    "pages",
                                    "signatures",
                                ],
                            },
                            "One page of signatures and the counts",
                        ),
                        "400": _json(ERROR, "A malformed parameter"),
                        "404": _json(ERROR, "No such statement or page"),
                    },
                }
            },
            "/{pk}/sign": {
                "post": {
                    "summary": "Sign a statement; a confirmation is mailed",
                    "parameters": [pk],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "type": {
                                            "type": "string",
                                            "enum": ["organization", "individual"],
                                        },
                                        "name": text,
                                        "organization_name": text,
                                        "role": text,
                                        "country": {
                                            "type": "string",
                                            "enum": sorted(countries.codes()),
                                        },
                                        "email": {"type": "string", "format": "email"},
                                        "website": {"type": "string"},
                                        "consent": {"type": "boolean"},
                                        "language": {"type": "string"},
                                        "altcha": {
                                            "type": "string",
                                            "description": "ALTCHA payload",
                                        },
                                    },
                                    "required": [
                                        "type",
                                        "name",
                                        "country",
                                        "email",
                                        "consent",
                                        "altcha",
                                    ],
                                }
                            }
                        },
                    },
                    "responses": {
                        "202": _json(
                            {"type": "object", "properties": {"status": {"type": "string"}}},
                            "Recorded (or already signed: the mailbox is told)",
                        ),
                        "400": _json(ERROR, "Invalid fields or proof of work"),
                        "403": _json(ERROR, "Closed, or not open to this type"),
                        "404": _json(ERROR, "No such statement"),
                        "405": _json(ERROR, "Method not allowed"),
                        "413": _json(ERROR, "Body too large"),
                        "429": _json(ERROR, "Too many sign-ons; see Retry-After"),
                    },
                }
            },
        },
    }
