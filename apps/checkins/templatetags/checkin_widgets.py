"""The check-in's fixed radio groups, rendered once per process and selected value.

Their markup depends only on which option is checked, yet the template engine spent most of
the Today page's time building it (hundreds of loop variables per request); the bench showed
it. Each group is cached by its selected value; an unexpected value (bad input) is rendered
without caching so the cache stays small.
"""

from functools import lru_cache

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from apps.checkins.feelings import FEELINGS, QUADRANTS
from apps.checkins.models import Drive, Need, SleepQuality

register = template.Library()

ENERGY = [(str(n), str(n)) for n in range(1, 11)]
GROUPS = {
    "need": [(key, str(label)) for key, label in Need.choices],
    "sleep_quality": [(str(key), str(label)) for key, label in SleepQuality.choices],
}


def _selected(value: object) -> str:
    return "" if value is None else str(value)


def _known(value: str, options: list[tuple[str, str]]) -> bool:
    return value == "" or any(key == value for key, _ in options)


def _segmented(
    name: str, prefix: str, options: list[tuple[str, str]], selected: str, hidden: str
) -> SafeString:
    return format_html_join(
        "\n",
        '<input type="radio" name="{}" id="{}-{}" value="{}"{}>\n<label for="{}-{}">{}{}</label>',
        (
            (
                name,
                prefix,
                key,
                key,
                mark_safe(" checked") if key == selected else "",
                prefix,
                key,
                hidden,
                label,
            )
            for key, label in options
        ),
    )


@lru_cache(maxsize=64)
def _energy(prefix: str, selected: str) -> SafeString:
    hidden = mark_safe('<span class="visually-hidden">Energy </span>') if prefix != "energy" else ""
    return _segmented("energy", prefix, ENERGY, selected, hidden)


@register.simple_tag
def energy_radios(value: object, prefix: str = "energy") -> SafeString:
    selected = _selected(value)
    if _known(selected, ENERGY):
        return _energy(prefix, selected)
    return _energy.__wrapped__(prefix, selected)


@lru_cache(maxsize=64)
def _group(name: str, selected: str) -> SafeString:
    return _segmented(name, name.replace("_", "-"), GROUPS[name], selected, "")


@register.simple_tag
def segmented_radios(name: str, value: object) -> SafeString:
    selected = _selected(value)
    if _known(selected, GROUPS[name]):
        return _group(name, selected)
    return _group.__wrapped__(name, selected)


@register.simple_tag
@lru_cache(maxsize=1)
def quick_need_buttons() -> SafeString:
    return format_html_join(
        "",
        '<button type="submit" name="need" value="{}" class="button--quiet">I need {}</button>',
        ((key, str(label).lower()) for key, label in Need.choices),
    )


@lru_cache(maxsize=64)
def _drive(selected: str) -> SafeString:
    return format_html_join(
        "\n",
        '<div><input type="radio" name="drive" id="drive-{}" value="{}"{}> '
        '<label for="drive-{}">{}</label></div>',
        (
            (key, key, mark_safe(" checked") if str(key) == selected else "", key, label)
            for key, label in Drive.choices
        ),
    )


@register.simple_tag
def drive_radios(value: object) -> SafeString:
    selected = _selected(value)
    if selected == "" or selected in {str(key) for key in Drive.values}:
        return _drive(selected)
    return _drive.__wrapped__(selected)


@lru_cache(maxsize=64)
def _feelings(selected: str) -> SafeString:
    quadrants = []
    for q, quadrant in enumerate(QUADRANTS, 1):
        items = format_html_join(
            "\n",
            '<div class="feeling">\n<input type="radio" name="feeling" id="feeling-{0}-{1}" '
            'value="{2}"{3} aria-describedby="feeling-{0}-{1}-meaning">\n'
            '<label for="feeling-{0}-{1}">{2}</label>\n'
            '<span class="meaning" id="feeling-{0}-{1}-meaning">{4}</span>\n</div>',
            (
                (q, n, f.word, mark_safe(" checked") if f.word == selected else "", f.meaning)
                for n, f in enumerate(quadrant.feelings, 1)
            ),
        )
        quadrants.append(
            format_html(
                '<fieldset class="quadrant quadrant--{}">\n<legend>{}</legend>\n{}\n</fieldset>',
                quadrant.key,
                quadrant.title,
                items,
            )
        )
    return format_html('<div class="mood-grid">\n{}\n</div>', mark_safe("\n".join(quadrants)))  # noqa: S308


@register.simple_tag
def feeling_radios(value: object) -> SafeString:
    selected = _selected(value)
    if selected == "" or selected in FEELINGS:
        return _feelings(selected)
    return _feelings.__wrapped__(selected)


@register.simple_tag
def field_errors(field: object) -> SafeString:
    """A field's errors, with the id its fieldset points at; nothing at all when it has none."""
    errors = getattr(field, "errors", None)
    if not errors:
        return mark_safe("")
    items = format_html_join("", "<li>{}</li>", ((error,) for error in errors))
    return format_html('<ul class="errorlist" id="{}-error">{}</ul>', field.html_name, items)
