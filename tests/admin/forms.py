"""Fill an admin form as a browser would submit it: every field with its value on the page."""

from __future__ import annotations

from bs4 import BeautifulSoup


def form_fields(html: bytes | str, form_id: str) -> dict[str, str]:
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    assert form is not None, f"no form #{form_id}"
    data: dict[str, str] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or "__prefix__" in name:
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            if field.has_attr("multiple"):
                continue
            data[name] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") != "submit":
            data[name] = field.get("value", "")
    return data
