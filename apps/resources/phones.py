import phonenumbers
from django.core.exceptions import ValidationError


def validate_phone(number: str, region: str) -> None:
    """A full national number or a short code (988, 116 123, 113) that dials in the region."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            "“%(number)s” does not look like a phone number.", params={"number": number}
        ) from exc
    if phonenumbers.is_valid_number_for_region(parsed, region):
        return
    # Crisis lines are often short codes, and the library's short-code data can lag behind
    # new ones (113 in the Netherlands), so a code that is possible there is accepted.
    if phonenumbers.is_valid_short_number_for_region(
        parsed, region
    ) or phonenumbers.is_possible_short_number_for_region(parsed, region):
        return
    raise ValidationError(
        "“%(number)s” is not a number that can be dialled in %(region)s. Check it against the "
        "line's own website.",
        params={"number": number, "region": region},
    )
