"""Seed the curated crisis lines and journaling prompts so every fresh deploy has them.

Crisis lines come from the product's content research: rows gathered with high confidence are
published with their source and the date they were checked; the others stay unpublished until an
editor verifies them. No number here is from anywhere else.
"""

import datetime

from django.db import migrations

VERIFIED_ON = datetime.date(2026, 11, 27)

CRISIS_LINES = [
    # slug, country, kind, name, phone, text, chat_url, hours, languages, notes, source, published
    (
        "us-988-lifeline",
        "US",
        "crisis",
        "988 Suicide & Crisis Lifeline",
        "988",
        "Text 988",
        "https://988lifeline.org",
        "24/7, free, confidential",
        "English and Spanish; interpretation in 250+ languages",
        "Press 1 for the Veterans Crisis Line, 2 for Spanish.",
        "https://988lifeline.org",
        True,
    ),
    (
        "us-crisis-text-line",
        "US",
        "crisis",
        "Crisis Text Line",
        "",
        "Text HOME to 741741",
        "",
        "Described as 24/7 (not yet verified)",
        "",
        "",
        "https://crisistextline.org",
        False,
    ),
    (
        "us-samhsa-helpline",
        "US",
        "referral",
        "SAMHSA National Helpline",
        "1-800-662-4357",
        "",
        "",
        "24/7, free, confidential",
        "English and Spanish",
        "Treatment referral and information, not a crisis line. TTY 1-800-487-4889.",
        "https://samhsa.gov/find-help/national-helpline",
        True,
    ),
    (
        "ca-988",
        "CA",
        "crisis",
        "9-8-8: Suicide Crisis Helpline",
        "988",
        "Text 988",
        "",
        "24/7",
        "English and French",
        "",
        "https://988.ca",
        True,
    ),
    (
        "gb-samaritans",
        "GB",
        "crisis",
        "Samaritans",
        "116 123",
        "",
        "",
        "24/7, free",
        "",
        "",
        "https://samaritans.org",
        True,
    ),
    (
        "ie-samaritans",
        "IE",
        "crisis",
        "Samaritans",
        "116 123",
        "",
        "",
        "24/7, free",
        "",
        "",
        "https://samaritans.org",
        True,
    ),
    (
        "gb-shout",
        "GB",
        "crisis",
        "Shout",
        "",
        "Text SHOUT to 85258",
        "",
        "24/7, free, confidential",
        "",
        "",
        "https://giveusashout.org",
        True,
    ),
    (
        "au-lifeline",
        "AU",
        "crisis",
        "Lifeline",
        "13 11 14",
        "Text 0477 13 11 14",
        "https://lifeline.org.au",
        "24/7",
        "",
        "",
        "https://lifeline.org.au",
        True,
    ),
    (
        "nz-1737",
        "NZ",
        "crisis",
        "1737, Need to talk?",
        "1737",
        "Text 1737",
        "",
        "24/7, free",
        "",
        "",
        "https://1737.org.nz",
        True,
    ),
    (
        "de-telefonseelsorge",
        "DE",
        "crisis",
        "TelefonSeelsorge",
        "0800 111 0 111",
        "",
        "https://telefonseelsorge.de",
        "Around the clock, free, anonymous",
        "",
        "Also 0800 111 0 222. Chat and email at telefonseelsorge.de.",
        "https://telefonseelsorge.de",
        True,
    ),
    (
        "fr-3114",
        "FR",
        "crisis",
        "3114, numéro national de prévention du suicide",
        "3114",
        "",
        "",
        "24/7, free, confidential",
        "",
        "",
        "https://3114.fr",
        True,
    ),
    (
        "nl-113",
        "NL",
        "crisis",
        "113 Zelfmoordpreventie",
        "113",
        "",
        "https://113.nl",
        "24/7",
        "",
        "Also 0800-0113, which is free.",
        "https://113.nl",
        True,
    ),
    (
        "in-tele-manas",
        "IN",
        "crisis",
        "Tele-MANAS",
        "14416",
        "",
        "",
        "24/7, toll-free",
        "Up to 20 languages",
        "Also 1-800-891-4416.",
        "https://telemanas.mohfw.gov.in",
        True,
    ),
    (
        "at-telefonseelsorge",
        "AT",
        "crisis",
        "Telefonseelsorge",
        "142",
        "",
        "",
        "Reported as around the clock",
        "",
        "",
        "https://telefonseelsorge.at",
        False,
    ),
    (
        "ch-dargebotene-hand",
        "CH",
        "crisis",
        "Die Dargebotene Hand",
        "143",
        "",
        "",
        "Reported as around the clock",
        "",
        "",
        "https://143.ch",
        False,
    ),
    (
        "es-linea-024",
        "ES",
        "crisis",
        "Línea 024",
        "024",
        "",
        "",
        "",
        "",
        "",
        "https://sanidad.gob.es",
        False,
    ),
]

PROMPTS = [
    ("rest-enables", "rest", "What would rest enable me to do better next week?"),
    ("worth-belief", "worth", "What belief about worth am I testing today?"),
    ("interest-or-pressure", "drive", "Where did today's push come from: interest, or pressure?"),
    ("drained-by", "energy", "What drained me today, and what would make it a little lighter?"),
    ("recharged-by", "energy", "What gave me even a little energy today?"),
    ("enough", "worth", "What would “enough” look like for this week?"),
    ("unsaid-no", "boundaries", "What did I say yes to that I wanted to say no to?"),
    ("protect-time", "boundaries", "Which hour of my week most needs protecting, and from what?"),
    ("body-signal", "body", "What is my body telling me that my schedule is ignoring?"),
    ("friend-advice", "kindness", "What would I tell a friend who was as tired as I am?"),
    ("small-value", "values", "Which small action today would honour something I care about?"),
    (
        "proud-not-productive",
        "values",
        "What am I proud of today that has nothing to do with output?",
    ),
    ("fear-of-slowing", "drive", "What am I afraid would happen if I slowed down?"),
    ("borrowed-standard", "worth", "Whose standard am I trying to meet, and do I share it?"),
    ("connection", "connection", "Who would I like to feel closer to, and what is one small step?"),
    (
        "clarity",
        "clarity",
        "What is one thing I could stop carrying in my head by writing it down?",
    ),
    ("good-enough", "kindness", "Where could “good enough” be truly good enough this week?"),
    ("restful-moment", "rest", "When did I last feel rested, and what was around me?"),
    ("drop-delegate", "energy", "What is one commitment I could drop, delegate or postpone?"),
    ("tomorrow-kind", "kindness", "What would make tomorrow a little kinder to me?"),
    ("identity-beyond-work", "worth", "Who am I when I am not achieving anything?"),
    ("notice-rush", "body", "When did I rush today, and what was the rush protecting me from?"),
]


def seed(apps, schema_editor):
    CrisisLine = apps.get_model("resources", "CrisisLine")
    JournalPrompt = apps.get_model("resources", "JournalPrompt")
    CrisisLine.objects.bulk_create(
        CrisisLine(
            slug=slug,
            country=country,
            kind=kind,
            name=name,
            phone=phone,
            text=text,
            chat_url=chat_url,
            hours=hours,
            languages=languages,
            notes=notes,
            source_url=source,
            last_verified_on=VERIFIED_ON,
            is_published=published,
            order=order,
        )
        for order, (
            slug,
            country,
            kind,
            name,
            phone,
            text,
            chat_url,
            hours,
            languages,
            notes,
            source,
            published,
        ) in enumerate(CRISIS_LINES)
    )
    JournalPrompt.objects.bulk_create(
        JournalPrompt(slug=slug, theme=theme, text=text, is_published=True, order=order)
        for order, (slug, theme, text) in enumerate(PROMPTS)
    )


def unseed(apps, schema_editor):
    apps.get_model("resources", "CrisisLine").objects.filter(
        slug__in=[row[0] for row in CRISIS_LINES]
    ).delete()
    apps.get_model("resources", "JournalPrompt").objects.filter(
        slug__in=[row[0] for row in PROMPTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
