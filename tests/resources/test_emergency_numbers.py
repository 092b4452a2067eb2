"""Every country's own emergency numbers, at the top of the crisis page."""

import phonenumbers
import pytest
from django.urls import reverse
from django_countries import countries
from phonenumbers import PhoneMetadata
from phonenumbers.shortnumberinfo import is_emergency_number

from apps.resources.emergency import CURATED, emergency_numbers

URL = reverse("resources:crisis")
page = pytest.mark.django_db  # the tests that ask the crisis page


def regions_with_emergency_data() -> list[str]:
    return sorted(
        region
        for region in phonenumbers.SUPPORTED_SHORT_REGIONS
        if (meta := PhoneMetadata.short_metadata_for_region(region)) and meta.emergency
    )


def test_every_region_phonenumbers_knows_gets_an_emergency_number_it_agrees_with():
    regions = regions_with_emergency_data()

    assert len(regions) > 230
    for region in regions:
        numbers = list(emergency_numbers(region))
        assert numbers, region
        assert all(is_emergency_number(n.number, region) for n in numbers), region


def test_the_curated_numbers_are_emergency_numbers_where_they_are_listed():
    disagree = {
        (region, number.number)
        for region, numbers in CURATED.items()
        for number in numbers
        if not is_emergency_number(number.number, region)
    }
    assert disagree == set()


@pytest.mark.parametrize(
    ("region", "first", "others"),
    [
        ("US", "911", {"112"}),
        ("CA", "911", {"112"}),
        ("GB", "999", {"112"}),
        ("DE", "112", {"110"}),
        ("AU", "000", {"112"}),
        ("NZ", "111", set()),
        ("IN", "112", {"100", "101", "102", "108"}),
        ("JP", "119", {"110"}),
        ("BR", "192", {"190", "193", "112", "911"}),
    ],
)
def test_the_number_to_call_first_is_the_one_people_there_are_told_to_call(region, first, others):
    numbers = [n.number for n in emergency_numbers(region)]

    assert numbers[0] == first
    assert set(numbers[1:]) == others


@page
def test_where_each_service_has_its_own_number_the_page_says_which_is_which(client):
    html = client.get(URL, {"country": "JP"}).text

    assert 'Call <a href="tel:119">119</a> for an ambulance or the fire service' in html
    assert 'Call <a href="tel:110">110</a> for the police' in html


@page
def test_a_country_page_names_its_own_numbers_not_examples_from_elsewhere(client):
    html = client.get(URL, {"country": "NZ"}).text

    assert 'Call <a href="tel:111">111</a>' in html
    assert "911" not in html
    assert "Call your local emergency number" not in html


@page
def test_every_country_page_answers_with_a_number_or_the_general_advice(client):
    for code, _ in countries:
        numbers = emergency_numbers(code)
        html = client.get(URL, {"country": code}).text
        if numbers:
            assert f'Call <a href="tel:{numbers.call[0].number}">' in html, code
        else:
            assert "Call your local emergency number" in html, code


@page
@pytest.mark.parametrize(
    ("code", "name"), [("NR", "Nauru"), ("BS", "Bahamas"), ("US", "United States")]
)
def test_country_names_read_as_people_write_them(client, code, name):
    assert countries.name(code) == name
    assert f"Showing help for <strong>{name}</strong>" in client.get(URL, {"country": code}).text
    assert not [n for _, n in countries if "(" in n and "Keeling" not in n]
