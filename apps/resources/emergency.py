"""Each country's own emergency numbers, for the top of every crisis page.

The numbers come from phonenumbers' short-number metadata: of the emergency numbers in common
use around the world, those it knows as emergency numbers in the region. A short curated table
puts first the number people there are told to call, and names the service where a country has
one number per service (Japan: 119 for an ambulance, 110 for the police); every curated number
is checked against phonenumbers by a test.
"""

import functools
from dataclasses import dataclass

from phonenumbers import PhoneMetadata
from phonenumbers.shortnumberinfo import is_emergency_number


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    service: str = ""  # what it is for, where each service has its own number; "" for all


def every_service(number: str) -> tuple[EmergencyNumber, ...]:
    return (EmergencyNumber(number),)


EUROPEAN_112 = (
    *("AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU"),
    *("IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"),
)
# How the page says what a number is for: "Call 110 for the police".
AMBULANCE_AND_FIRE = "for an ambulance or the fire service"
AMBULANCE, POLICE, FIRE = "for an ambulance", "for the police", "for the fire service"

CURATED: dict[str, tuple[EmergencyNumber, ...]] = {
    **dict.fromkeys(EUROPEAN_112, every_service("112")),  # FR below: also 15, 17, 18
    "US": every_service("911"),
    "CA": every_service("911"),
    "MX": every_service("911"),
    "PH": every_service("911"),
    "GB": (EmergencyNumber("999"), EmergencyNumber("112")),
    "IE": (EmergencyNumber("112"), EmergencyNumber("999")),
    "AU": every_service("000"),
    "NZ": every_service("111"),
    "IN": every_service("112"),
    "KE": (EmergencyNumber("999"), EmergencyNumber("112")),
    "HK": every_service("999"),
    "FR": (
        EmergencyNumber("112"),
        EmergencyNumber("15", "for an ambulance (SAMU)"),
        EmergencyNumber("17", POLICE),
        EmergencyNumber("18", FIRE),
    ),
    "JP": (EmergencyNumber("119", AMBULANCE_AND_FIRE), EmergencyNumber("110", POLICE)),
    "KR": (EmergencyNumber("119", AMBULANCE_AND_FIRE), EmergencyNumber("112", POLICE)),
    "TW": (EmergencyNumber("119", AMBULANCE_AND_FIRE), EmergencyNumber("110", POLICE)),
    "CN": (
        EmergencyNumber("120", AMBULANCE),
        EmergencyNumber("110", POLICE),
        EmergencyNumber("119", FIRE),
    ),
    "BR": (
        EmergencyNumber("192", AMBULANCE),
        EmergencyNumber("190", POLICE),
        EmergencyNumber("193", FIRE),
    ),
    "SG": (EmergencyNumber("995", AMBULANCE_AND_FIRE), EmergencyNumber("999", POLICE)),
    "IL": (
        EmergencyNumber("101", AMBULANCE),
        EmergencyNumber("100", POLICE),
        EmergencyNumber("102", FIRE),
    ),
    "ZA": (
        EmergencyNumber("10177", AMBULANCE),
        EmergencyNumber("10111", POLICE),
        EmergencyNumber("112", "from a mobile phone"),
    ),
}

# Emergency numbers in use somewhere in the world, most widely used first.
COMMON = (
    *("112", "911", "999", "000", "111", "110", "119", "100", "101", "102", "103", "108"),
    *("117", "118", "120", "122", "123", "190", "192", "193", "199", "995", "997", "998"),
    *("060", "15", "17", "18"),
)


@dataclass(frozen=True)
class EmergencyNumbers:
    call: tuple[EmergencyNumber, ...]  # the numbers to call, the first first
    also: tuple[EmergencyNumber, ...] = ()  # others that reach emergency services there

    def __bool__(self) -> bool:
        return bool(self.call)

    def __iter__(self):
        return iter(self.call + self.also)


@functools.cache
def emergency_numbers(region: str) -> EmergencyNumbers:
    """The region's emergency numbers; empty for no region, or one phonenumbers does not know."""
    if not region:
        return EmergencyNumbers(())
    curated = CURATED.get(region, ())
    shown = {n.number for n in curated}
    found = tuple(
        EmergencyNumber(number)
        for number in COMMON
        if number not in shown and is_emergency_number(number, region)
    )
    if curated:
        return EmergencyNumbers(curated, found)
    if found:
        return EmergencyNumbers(found[:1], found[1:])
    # An emergency number none of COMMON matches: the one phonenumbers gives as its example.
    metadata = PhoneMetadata.short_metadata_for_region(region)
    example = metadata and metadata.emergency and metadata.emergency.example_number
    return EmergencyNumbers(every_service(example) if example else ())
