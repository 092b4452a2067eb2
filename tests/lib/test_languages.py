import pytest

from apps.lib.languages import country_from_accept_language


@pytest.mark.parametrize(
    ("header", "country"),
    [
        ("en-US,en;q=0.9", "US"),  # Chrome in the United States
        ("de-AT,de;q=0.9,en-US;q=0.8,en;q=0.7", "AT"),
        ("pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7", "BR"),
        ("en-GB,en;q=0.5", "GB"),  # Firefox in the United Kingdom
        ("fr-CA", "CA"),
        ("ja,en-US;q=0.9,en;q=0.8", ""),  # a bare language names no country
        ("de", ""),
        ("en", ""),
        ("zh-Hant-TW,zh;q=0.9", "TW"),  # a script subtag before the region
        ("es-419,es;q=0.9", ""),  # Latin America: a region of the world, not a country
        ("sr-Latn-RS", "RS"),
        ("en;q=0.5,nl-BE;q=0.9", "BE"),  # the weights decide, not the order
        ("*", ""),
        ("en-XX", ""),  # not a country
        ("", ""),
        ("en-US;q=abc, ,;;,de-DE;q=0.2", "DE"),  # broken parts are skipped
        ("x" * 5000, ""),
    ],
)
def test_the_country_comes_from_the_language_the_browser_prefers_most(header, country):
    assert country_from_accept_language(header) == country
