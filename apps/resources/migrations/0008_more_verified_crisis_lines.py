"""Crisis lines for more countries, each from a page that was found and read on 2 December 2026
(stored copies of the pages, some years old: the editors check each live at its first review).

Published: lines whose number was read on the service's own website or a government page (the
standard of the crisis-line research: the service's own site first, a health ministry second,
an aggregator third). Unpublished, with a note for the editors: lines found only in news
reports or aggregators, or whose hours or status are unclear. An editor checks those on the
service's own site before publishing. Reversing removes the added lines and puts the three
updated ones back as they were.
"""

import datetime

from django.db import migrations

CHECKED_ON = datetime.date(2026, 12, 2)

PUBLISHED = [
    {
        "slug": "jp-inochi-no-denwa",
        "country": "JP",
        "name": "Inochi no Denwa, suicide prevention line (自殺予防いのちの電話)",
        "phone": "0120-783-556",
        "hours": "Every day from 4 pm to 9 pm, and around the clock from 8 am on the 10th of "
        "each month",
        "languages": "Japanese",
        "notes": "A free call.",
        "source_url": "https://www.city.akiruno.tokyo.jp/0000015267.html",
    },
    {
        "slug": "kr-109",
        "country": "KR",
        "name": "Suicide prevention line 109 (자살예방 상담전화)",
        "phone": "109",
        "languages": "Korean",
        "notes": "Korea's single national suicide prevention number since January 2024.",
        "source_url": "https://eiec.kdi.re.kr/policy/materialView.do?num=246730",
        "review_note": "The source is the Ministry of Health and Welfare's press release of "
        "2 January 2024, republished by KDI. Hours (24 hours) and the text service on 109 "
        "were only in news reports: confirm both before adding them.",
    },
    {
        "slug": "ph-ncmh-crisis-hotline",
        "country": "PH",
        "name": "NCMH Crisis Hotline (National Center for Mental Health)",
        "phone": "0917 899 8727",
        "hours": "24/7",
        "source_url": "https://doh.gov.ph/press-release/launch-of-the-ncmh-crisis-hotline/",
        "review_note": "The Department of Health page is from 2019; news of December 2025 "
        "still gives this number. The short code 1553 (toll-free from landlines) is only in "
        "news: see ph-ncmh-1553.",
    },
    {
        "slug": "sg-mindline-1771",
        "country": "SG",
        "name": "national mindline 1771",
        "phone": "1771",
        "text": "WhatsApp +65 6669 1771",
        "hours": "Round the clock",
        "notes": "Free support from trained counsellors, for any mental health concern.",
        "source_url": "https://www.moh.gov.sg/newsroom/"
        "national-mindline-1771-to-provide--round-the-clock-support-for-mental-health",
    },
    {
        "slug": "za-sadag-suicide-crisis-helpline",
        "country": "ZA",
        "name": "SADAG Suicide Crisis Helpline",
        "phone": "0800 567 567",
        "hours": "24 hours, toll-free",
        "source_url": "https://www.sadag.org/index.php?option=com_content&view=article&id=462:"
        "health-system-a-let-down&catid=74&Itemid=412",
    },
    {
        "slug": "se-mind-sjalvmordslinjen",
        "country": "SE",
        "name": "Mind Självmordslinjen",
        "phone": "90101",
        "languages": "Swedish",
        "notes": "Chat at mind.se.",
        "source_url": "https://newsroom.notified.com/mind-1/posts/pressreleases/"
        "vasterbotten-har-bast-psykisk-halsa-enligt-mi",
        "review_note": "The number is on Mind's own press pages. Around the clock since June "
        "2020 according to SOS Alarm and news; older pages say 6 am to midnight. Confirm the "
        "hours on mind.se before adding them.",
    },
    {
        "slug": "no-kirkens-sos",
        "country": "NO",
        "name": "Kirkens SOS",
        "phone": "22 40 00 40",
        "hours": "Every day, around the clock",
        "languages": "Norwegian",
        "notes": "Free to talk to; the call costs a normal landline rate.",
        "source_url": "https://www.girku-sos.no/nordsamisk/telefon",
    },
    {
        "slug": "no-mental-helse-116-123",
        "country": "NO",
        "name": "Mental Helse Hjelpetelefonen",
        "phone": "116 123",
        "hours": "Around the clock",
        "languages": "Norwegian",
        "source_url": "https://helsenorge.no/sykdom/psykiske-lidelser/depresjon/"
        "selvmord-og-selvmordstanker",
        "order": 1,
    },
    {
        "slug": "fi-mieli-kriisipuhelin",
        "country": "FI",
        "name": "MIELI Crisis Helpline (Kriisipuhelin)",
        "phone": "09 2525 0111",
        "hours": "24/7",
        "languages": "Finnish",
        "notes": "MIELI does not charge; your operator's normal call rate applies.",
        "source_url": "http://mieli.fi/helpline",
        "review_note": "MIELI's lines in other languages have different numbers, and sources "
        "disagree on the English one (09 2525 0116 or 09 2525 0113): check it live first.",
    },
    {
        "slug": "be-zelfmoordlijn-1813",
        "country": "BE",
        "name": "Zelfmoordlijn 1813",
        "phone": "1813",
        "hours": "24/7, free and anonymous",
        "languages": "Dutch",
        "source_url": "https://zelfmoordlijn1813.be/over-deze-website-en-de-organisaties",
    },
    {
        "slug": "be-centre-prevention-suicide",
        "country": "BE",
        "name": "Centre de Prévention du Suicide, ligne de crise",
        "phone": "0800 32 123",
        "hours": "24 hours a day, free",
        "languages": "French",
        "source_url": "http://www.preventionsuicide.be/fr/activitescps/ligne0800.html",
        "order": 1,
    },
    {
        "slug": "pt-sns24-aconselhamento-psicologico",
        "country": "PT",
        "name": "SNS 24 psychological counselling (Aconselhamento Psicológico)",
        "phone": "808 24 24 24",
        "hours": "24/7",
        "languages": "Portuguese and English",
        "notes": "Then choose option 4.",
        "source_url": "https://www.sns24.gov.pt/en/servico/aconselhamento-psicologico-no-sns-24/",
    },
    {
        "slug": "pl-116-123",
        "country": "PL",
        "name": "116 123, crisis line for adults (Kryzysowy Telefon Zaufania)",
        "phone": "116 123",
        "hours": "Around the clock, free",
        "languages": "Polish",
        "notes": "Chat and a contact form at 116sos.pl.",
        "source_url": "https://www.nask.pl/pl/aktualnosci/5199,"
        "Numer-116-123-calodobowa-infolinia-zapewniajaca-wsparcie-psychologiczne-ze-wspar.html",
    },
]

# Their source_url is where the line was found (news, mostly): not yet a page to check it against.
PUBLISHED += [
    {
        "slug": "is-hjalparsimi-1717",
        "country": "IS",
        "name": "Hjálparsími Rauða krossins (Red Cross helpline) 1717",
        "phone": "1717",
        "hours": "Around the clock, free",
        "languages": "Icelandic",
        "notes": "Web chat at 1717.is.",
        "source_url": "https://www.raudikrossinn.is/um-okkur/frettir-og-utgefid-efni/"
        "frettayfirlit/innanlandsstarf/aldrei-fleiri-samtol-vegna-sjalfsvigshugsana",
    },
    {
        "slug": "ee-116-123",
        "country": "EE",
        "name": "Emotional support and pastoral care line (Emotsionaalse toe ja hingehoiu telefon)",
        "phone": "116 123",
        "hours": "Every day from 10 am to midnight, free",
        "languages": "Estonian, Russian and English",
        "source_url": "https://www.sotsiaalkindlustusamet.ee/uudised/vaimse-tervise-tugiliini-"
        "teenust-pakub-nuud-emotsionaalse-toe-ja-hingehoiu-telefon-116-123",
        "review_note": "Hours as the Social Insurance Board gave them in January 2023 "
        "(counsellors 10 am to midnight, pastoral carers 4 pm to midnight): confirm they are "
        "still so.",
    },
    {
        "slug": "hk-mental-health-support-hotline",
        "country": "HK",
        "name": "Mental Health Support Hotline 18111 (情緒通)",
        "phone": "18111",
        "hours": "24 hours, every day",
        "languages": "Cantonese, Mandarin and English",
        "source_url": "https://shallwetalk.hk/cn/page/"
        "kick-off-ceremony-of-the-mental-health-support-hotline",
    },
    {
        "slug": "hk-the-samaritans",
        "country": "HK",
        "name": "The Samaritans (multilingual)",
        "phone": "2896 0000",
        "hours": "24 hours a day, 365 days a year",
        "languages": "English, Cantonese, Mandarin and others",
        "source_url": "https://samaritans.org.hk/?lang=en&p=25592",
        "order": 1,
    },
]

UNPUBLISHED = [
    {
        "slug": "br-cvv-188",
        "country": "BR",
        "name": "CVV, Centro de Valorização da Vida",
        "phone": "188",
        "hours": "24 hours a day, free",
        "languages": "Portuguese",
        "source_url": "https://www.em.com.br/nacional/2026/03/"
        "7366817-centro-de-valorizacao-da-vida-completa-64-anos-e-celebra-a-escuta.html",
        "review_note": "Found only in news reports, many and consistent (free nationwide "
        "since July 2018, with the Ministry of Health). Confirm on cvv.org.br or gov.br. The "
        "old number 141 must not be used.",
    },
    {
        "slug": "mx-linea-de-la-vida",
        "country": "MX",
        "name": "Línea de la Vida",
        "phone": "800 911 2000",
        "hours": "24 hours a day, free",
        "languages": "Spanish",
        "source_url": "https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-"
        "presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/",
        "review_note": "Found only in news reports (run by the Secretaría de Salud / CONASAMA; "
        "also for addictions). Confirm the number on a gob.mx page and put that page here.",
    },
    {
        "slug": "es-telefono-de-la-esperanza",
        "country": "ES",
        "name": "Teléfono de la Esperanza",
        "phone": "717 003 717",
        "languages": "Spanish",
        "source_url": "https://teleonuba.es/el-telefono-de-la-esperanza-una-llamada-que-salva-vidas/",
        "review_note": "Found only in news reports. Confirm the number and hours on "
        "telefonodelaesperanza.org.",
        "order": 1,
    },
    {
        "slug": "it-telefono-amico",
        "country": "IT",
        "name": "Telefono Amico Italia",
        "phone": "02 2327 2327",
        "hours": "Every day from 9 am to midnight",
        "languages": "Italian",
        "notes": "Listening is free; the caller pays for the call.",
        "source_url": "https://www.giornaledibrescia.it/cronaca/"
        "telefono-amico-numero-aiuto-aprile-notte-nv32wmcr",
        "review_note": "Found only in news reports (December 2025), which also announced "
        "24-hour service from April 2026: confirm the hours on telefonoamico.it. The old "
        "numbers 199 284 284 and WhatsApp 345 0361628 must not be used.",
    },
    {
        "slug": "il-eran-1201",
        "country": "IL",
        "name": "ERAN, emotional first aid (ער״ן)",
        "phone": "1201",
        "hours": "24/7, free",
        "languages": "Hebrew, Arabic, English, Russian, Amharic, French and Spanish",
        "source_url": "https://www.israel21c.org/"
        "mental-health-hotline-helps-israelis-cope-with-reform-crisis/",
        "review_note": "Found only in news. Confirm on eran.org.il.",
    },
    {
        "slug": "ke-red-cross-1199",
        "country": "KE",
        "name": "Kenya Red Cross tele-counselling",
        "phone": "1199",
        "hours": "24 hours, toll-free",
        "source_url": "https://www.redcross.or.ke/single-article/"
        "37-Psychosocial-Support-for-Healthcare-Workers-in-Midst-of-COVID-19-Pandemic",
        "review_note": "On the Red Cross's own site, but described there as support for "
        "health-care workers during COVID-19; that it is open to everyone comes from news. "
        "1199 is also the Red Cross's general emergency line. Confirm before publishing.",
    },
    {
        "slug": "dk-livslinien",
        "country": "DK",
        "name": "Livslinien",
        "phone": "70 201 201",
        "languages": "Danish",
        "source_url": "https://nordicstoday.com/article/"
        "dk-denmark-suicide-hotline-25-callers-block-500k-calls",
        "review_note": "Found only in news and an aggregator; the hours disagree (11 am to "
        "7 pm in 2015, around the clock elsewhere). Confirm number and hours on livslinien.dk.",
    },
    {
        "slug": "pt-linha-1411",
        "country": "PT",
        "name": "Linha Nacional de Prevenção do Suicídio",
        "phone": "1411",
        "hours": "24 hours a day, free",
        "source_url": "https://rr.pt/noticia/pais/2025/09/04/"
        "nova-linha-de-prevencao-do-suicidio-tera-o-numero-proprio-1411/438578/",
        "review_note": "A new national line (from 10 September 2025), found in news and the "
        "law that created it; no SNS 24 page showing 1411 yet. Confirm and put that page here.",
        "order": 1,
    },
    {
        "slug": "ph-ncmh-1553",
        "country": "PH",
        "name": "NCMH Crisis Hotline, short code",
        "phone": "1553",
        "notes": "Toll-free from landlines nationwide.",
        "source_url": "https://plus.inquirer.net/?p=359611",
        "review_note": "Found only in news (December 2025, quoting the Department of Health). "
        "Confirm on doh.gov.ph or ncmh.gov.ph, and whether it works from mobiles.",
        "order": 1,
    },
    {
        "slug": "hk-samaritan-befrienders",
        "country": "HK",
        "name": "The Samaritan Befrienders Hong Kong",
        "phone": "2389 2222",
        "hours": "24 hours",
        "languages": "Cantonese and English",
        "source_url": "https://csrp.hku.hk/getting-help/",
        "review_note": "Found only in a University of Hong Kong list, not on the service's own "
        "site: confirm on sbhk.org.hk and put that page here.",
        "order": 2,
    },
    {
        "slug": "sg-samaritans-of-singapore",
        "country": "SG",
        "name": "Samaritans of Singapore (SOS)",
        "phone": "1767",
        "text": "WhatsApp 9151 1767",
        "hours": "24 hours, every day",
        "source_url": "https://www.channelnewsasia.com/singapore/"
        "suicide-whatsapp-service-caretext-samaritans-singapore-help-2929241",
        "review_note": "Found only in news (2022 to 2025). Confirm on sos.org.sg; the old "
        "number 1800 221 4444 must not be used.",
        "order": 1,
    },
]

# Seeded unpublished on 27 November 2026, now verified against their own pages.
NOW_VERIFIED = {
    "us-crisis-text-line": {
        "text": "Text 741741",
        "hours": "24/7",
        "source_url": "https://www.crisistextline.org/faq",
    },
    "at-telefonseelsorge": {
        "name": "TelefonSeelsorge, Notruf 142",
        "hours": "Around the clock, free from any phone",
        "languages": "German",
        "notes": "Chat counselling at onlineberatung-telefonseelsorge.at.",
        "source_url": "https://www.ots.at/presseaussendung/OTM_20230425_OTM0006/"
        "telefonseelsorge-seit-25-jahren-amtlicher-notruf-fuer-die-seele",
    },
    "ch-dargebotene-hand": {
        "name": "Die Dargebotene Hand, Tel 143",
        "hours": "Around the clock, free",
        "languages": "German, French and Italian",
        "notes": "Chat and email at 143.ch.",
        "source_url": "https://www.143.ch/maenner-kampagne-2016",
    },
}
STILL_UNVERIFIED = {
    "es-linea-024": "Found only in news (Ministry of Health line, run with the Red Cross, "
    "24/7 and free since 10 May 2022). Confirm on sanidad.gob.es and put that page here.",
}
# As 0002 seeded them, for reversing.
SEEDED = {
    "us-crisis-text-line": {
        "text": "Text HOME to 741741",
        "hours": "Described as 24/7 (not yet verified)",
        "source_url": "https://crisistextline.org",
    },
    "at-telefonseelsorge": {
        "name": "Telefonseelsorge",
        "hours": "Reported as around the clock",
        "languages": "",
        "notes": "",
        "source_url": "https://telefonseelsorge.at",
    },
    "ch-dargebotene-hand": {
        "name": "Die Dargebotene Hand",
        "hours": "Reported as around the clock",
        "languages": "",
        "notes": "",
        "source_url": "https://143.ch",
    },
}


def add_lines(apps, schema_editor):
    CrisisLine = apps.get_model("resources", "CrisisLine")
    for published, lines in ((True, PUBLISHED), (False, UNPUBLISHED)):
        for line in lines:
            CrisisLine.objects.update_or_create(
                slug=line["slug"],
                defaults={
                    "kind": "crisis",
                    "is_published": published,
                    "last_verified_on": CHECKED_ON,
                    **line,
                },
            )
    for slug, fields in NOW_VERIFIED.items():
        CrisisLine.objects.filter(slug=slug).update(
            is_published=True, last_verified_on=CHECKED_ON, review_note="", **fields
        )
    for slug, note in STILL_UNVERIFIED.items():
        CrisisLine.objects.filter(slug=slug).update(review_note=note)


def remove_lines(apps, schema_editor):
    CrisisLine = apps.get_model("resources", "CrisisLine")
    CrisisLine.objects.filter(slug__in=[line["slug"] for line in PUBLISHED + UNPUBLISHED]).delete()
    for slug, fields in SEEDED.items():
        CrisisLine.objects.filter(slug=slug).update(
            is_published=False, last_verified_on=datetime.date(2026, 11, 27), **fields
        )
    CrisisLine.objects.filter(slug__in=STILL_UNVERIFIED).update(review_note="")


class Migration(migrations.Migration):
    dependencies = [("resources", "0007_crisis_line_review_note")]

    operations = [migrations.RunPython(add_lines, remove_lines)]
