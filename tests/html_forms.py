"""What a browser without JavaScript submits for a page's form, for tests that speak plain HTTP."""

import re
from html.parser import HTMLParser

Fields = list[tuple[str, str]]


class _Forms(HTMLParser):
    """Each form's action and the fields it submits as it stands (its buttons left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, Fields]] = []
        self.fields: Fields | None = None
        self.select: str = ""
        self.options: list[tuple[str, bool]] = []
        self.textarea: str = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.fields = []
            self.forms.append((attr.get("action", ""), self.fields))
            return
        if self.fields is None or "disabled" in attr:
            return
        if tag == "option" and self.select:
            self.options.append((attr.get("value", ""), "selected" in attr))
        name = attr.get("name", "")
        if not name:
            return
        if tag == "input":
            kind = attr.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attr:
                return
            if kind not in ("submit", "button", "image", "reset", "file"):
                default = "on" if kind in ("checkbox", "radio") else ""
                self.fields.append((name, attr.get("value", default)))
        elif tag == "select":
            self.select, self.options = name, []
        elif tag == "textarea":
            self.textarea = name
            self.fields.append((name, ""))

    def handle_data(self, data: str) -> None:
        if self.textarea and self.fields:
            name, value = self.fields.pop()
            self.fields.append((name, value + data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self.select and self.fields is not None:
            chosen = [value for value, selected in self.options if selected]
            self.fields += [(self.select, value) for value in chosen or [self.options[0][0]]]
            self.select = ""
        elif tag == "textarea":
            self.textarea = ""
        elif tag == "form":
            self.fields = None


def form(html: str, action: str, *, having: str = "", **changes: str) -> tuple[str, Fields]:
    """The action and fields of the page's one form whose action matches `action` (a regular
    expression) and, if given, that has a field named `having`; each of `changes` replaces the
    values of a field, or adds it."""
    parser = _Forms()
    parser.feed(html)
    found = [
        (url, fields)
        for url, fields in parser.forms
        if re.fullmatch(action, url) and (not having or having in dict(fields))
    ]
    assert len(found) == 1, f"{len(found)} forms for {action!r}: {[a for a, _ in parser.forms]}"
    url, fields = found[0]
    return url, [(k, v) for k, v in fields if k not in changes] + list(changes.items())
